/**
 * How deeply a JSON-RPC message may nest. Validators, serializers and the
 * host's own walks recurse over a message; one nested thousands deep (a few
 * kilobytes of `[[[...]]]`) overflows the stack of whoever walks it first.
 * MCP messages nest a dozen levels; schemas inside tool arguments rarely
 * pass thirty.
 */
export const MAX_DEPTH = 64;

/** Whether `value` nests deeper than `max` arrays and objects; iterative, so it cannot overflow itself. */
export function nestsDeeperThan(value: unknown, max = MAX_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
