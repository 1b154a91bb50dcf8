// Placeholder entry point; the sandbox app is being built (issue 2).
console.log('twelvego-sandbox: not built yet');
