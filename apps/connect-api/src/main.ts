// Placeholder entry point; the BFF bootstrap is being built (issue 2).
console.log('connect-api: not built yet');
