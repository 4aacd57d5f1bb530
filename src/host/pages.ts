/**
 * Pages of the list methods (tools/list, resources/list, ...). A component
 * may register thousands of tools; in one answer they would pass the message
 * size limit and the client would get nothing. A page holds at most
 * PAGE_ITEMS items and PAGE_CHARS characters of JSON (always at least one
 * item), and its `nextCursor` names where the next page starts. The cursor is
 * opaque to clients; a cursor this host did not make is -32602.
 */
import { ProtocolErrorCode } from '@modelcontextprotocol/server';
import { RpcError } from './errors-mcp.js';

/** The SDK's client walks at most 64 pages on its own: 250 items a page lets it list 16,000. */
export const PAGE_ITEMS = 250;
export const PAGE_CHARS = 1024 * 1024;

const PREFIX = 'page:';

export function cursorFor(offset: number): string {
  return btoa(`${PREFIX}${offset}`);
}

function offsetOf(cursor: string | undefined, total: number): number {
  if (cursor === undefined) return 0;
  let text: string;
  try {
    text = atob(cursor);
  } catch {
    text = '';
  }
  const offset = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  // The list may have shrunk since the cursor was made (a list change): past the end is an empty page.
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RpcError(ProtocolErrorCode.InvalidParams, `Invalid cursor: ${cursor.slice(0, 64)}`);
  return Math.min(offset, total);
}

/** The page of `items` that `cursor` names, converted with `toWire`. */
export function page<I, W>(items: readonly I[], cursor: string | undefined, toWire: (item: I) => W): { items: W[]; nextCursor?: string } {
  const start = offsetOf(cursor, items.length);
  const out: W[] = [];
  let chars = 0;
  let next = start;
  while (next < items.length && out.length < PAGE_ITEMS) {
    const wire = toWire(items[next]);
    chars += JSON.stringify(wire).length;
    if (out.length > 0 && chars > PAGE_CHARS) break;
    out.push(wire);
    next += 1;
  }
  return next < items.length ? { items: out, nextCursor: cursorFor(next) } : { items: out };
}
