/** Deepest nesting accepted in a request body (the booking bodies need fewer than 10 levels). */
export const MAX_JSON_DEPTH = 64;

/** Nesting depth of a parsed JSON value, stopping as soon as `limit` is exceeded (iterative: no recursion). */
export function exceedsJsonDepth(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
