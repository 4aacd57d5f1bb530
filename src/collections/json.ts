/**
 * JSON values as collections look at them: JSON Pointers (RFC 6901) into a
 * value, deep equality, and the pointers at which two values differ.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `""` is the whole value; `/content/0/text` steps into keys and array indexes; `~1` is `/`, `~0` is `~`. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const tokens = pointer.slice(1).split('/');
  if (tokens.some((t) => /~[^01]|~$/.test(t))) return undefined;
  return tokens.map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(tokens: readonly string[]): string {
  return tokens.map((t) => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The value at `pointer`, or `found: false` when the path leads nowhere. */
export function resolvePointer(value: unknown, pointer: string): { found: true; value: unknown } | { found: false } {
  const tokens = parsePointer(pointer);
  if (tokens === undefined) return { found: false };
  let at = value;
  for (const token of tokens) {
    if (Array.isArray(at) && /^(0|[1-9]\d*)$/.test(token) && Number(token) < at.length) at = at[Number(token)];
    else if (isObject(at) && Object.hasOwn(at, token)) at = at[token];
    else return { found: false };
  }
  return { found: true, value: at };
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return differingPaths(a, b, 1).length === 0;
}

/**
 * The pointers at which `b` differs from `a`, outermost first, at most `limit`
 * of them: a key present on one side only, an array of another length, or
 * two different scalars. Key order does not matter.
 */
export function differingPaths(a: unknown, b: unknown, limit = 20): string[] {
  const out: string[] = [];
  walk(a, b, [], out, limit);
  return out;
}

function walk(a: unknown, b: unknown, path: string[], out: string[], limit: number): void {
  if (out.length >= limit) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      out.push(toPointer(path));
      return;
    }
    a.forEach((item, i) => walk(item, b[i], [...path, String(i)], out, limit));
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of [...keys].sort()) {
      if (Object.hasOwn(a, key) && Object.hasOwn(b, key)) walk(a[key], b[key], [...path, key], out, limit);
      else if (out.length < limit) out.push(toPointer([...path, key]));
    }
    return;
  }
  if (a !== b) out.push(toPointer(path));
}

/** A short one-line rendering of a value for failure messages. */
export function preview(value: unknown, max = 120): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `value` without any `_meta` member at any depth. */
export function withoutMeta(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMeta);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== '_meta').map(([k, v]) => [k, withoutMeta(v)]));
}
