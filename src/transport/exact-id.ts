/**
 * Request ids a double cannot hold. JSON-RPC lets a client number its
 * requests as it likes, and `JSON.parse` turns 9007199254740993 into
 * 9007199254740992: answered under that id, the client could not match the
 * answer. Such an id is read with its exact text (JSON.parse's source
 * access), stands in the message as a string token while the host handles
 * it, and is written back as the same digits. An id that is a number but not
 * an integer (1.5, 1e400) is no valid MCP id; it is reported with its text,
 * so that the error answer can carry it unchanged.
 */

/** Cheap test: only a message whose id looks long or fractional pays for the slower parse. */
const SUSPECT = /"id"\s*:\s*-?\d*(?:\d{16}|[.eE])/;
const TOKEN = 'wasi-mcp:exact-id:';

export interface Parsed {
  value: unknown;
  /** The top-level id's text when it is a number a double does not hold exactly. */
  inexactId?: string;
}

/** JSON.parse, noting the top-level id's text when a double would change it. Throws as JSON.parse does. */
export function parseKeepingId(text: string): Parsed {
  if (!SUSPECT.test(text)) return { value: JSON.parse(text) as unknown };
  let holder: unknown;
  let source: string | undefined;
  const value = JSON.parse(text, function (this: unknown, key, v: unknown, context?: { source?: string }) {
    if (key === 'id' && typeof v === 'number' && !Number.isSafeInteger(v) && context?.source !== undefined) {
      holder = this;
      source = context.source;
    }
    return v;
  }) as unknown;
  return holder === value && source !== undefined ? { value, inexactId: source } : { value };
}

/** Whether the id's text is an integer (so a valid id, only too large for a double). */
export const isIntegerText = (text: string): boolean => /^-?\d+$/.test(text);

/** The string that stands for an exact integer id inside the host. */
export const tokenFor = (text: string): string => `${TOKEN}${text}`;

/** The id's digits, if `id` is a token made by tokenFor. */
export function textOfToken(id: unknown): string | undefined {
  return typeof id === 'string' && id.startsWith(TOKEN) ? id.slice(TOKEN.length) : undefined;
}

/** A value JSON.stringify writes as the given JSON text, verbatim. */
export function rawJson(text: string): unknown {
  return (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON(text);
}
