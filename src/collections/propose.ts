/**
 * Turns an observed request and its response into a saved call whose
 * expectations the same answer would meet: the error code, or success with
 * isError (tools) and `equals` checks on the first few parts of the answer.
 * Parts too large to pin whole (an image, a blob) are pinned by their short
 * fields (type, mimeType, uri), so a saved call stays readable.
 */
import type { RpcError } from './answer.js';
import type { Call, CallRequest, Check, Expect } from './format.js';
import { toPointer } from './json.js';
import { fromWire, type WireRequest } from './request.js';

export type ObservedResponse = { result: Record<string, unknown> } | { error: RpcError };

/** Parts of a list checked one by one; later parts are left out. */
export const MAX_PARTS = 3;
/** A value whose JSON is longer than this is not pinned with `equals`. */
export const MAX_EQUALS_CHARS = 500;

/** Where each kind of answer keeps its parts. */
const PARTS: Partial<Record<CallRequest['kind'], string>> = { tool: 'content', resource: 'contents', prompt: 'messages' };

export function proposeCall(request: WireRequest, response: ObservedResponse, name = callName(request)): Call {
  const saved = fromWire(request);
  return { name, request: saved, expect: proposeExpect(saved, response) };
}

export function proposeExpect(request: CallRequest, response: ObservedResponse): Expect {
  if ('error' in response) return { error: response.error.code };
  const { result } = response;
  const checks: Check[] = [];
  const partsKey = PARTS[request.kind];
  if (partsKey !== undefined && Array.isArray(result[partsKey])) {
    (result[partsKey] as unknown[]).slice(0, MAX_PARTS).forEach((part, i) => checks.push(...pin([partsKey, String(i)], part)));
  }
  if (request.kind === 'tool' && result.structuredContent !== undefined) checks.push(...pin(['structuredContent'], result.structuredContent));
  if (request.kind === 'completion') checks.push(...pin(['completion', 'values'], (result.completion as Record<string, unknown> | undefined)?.values));
  if (request.kind === 'request') checks.push(...pin([], result));
  return {
    ...(request.kind === 'tool' ? { isError: result.isError === true } : {}),
    ...(checks.length > 0 ? { checks } : {}),
  };
}

/** `equals` on the value if it is small, else on each small field of it. */
function pin(path: string[], value: unknown): Check[] {
  if (value === undefined) return [];
  if (small(value)) return [{ path: toPointer(path), equals: value }];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value)
    .filter(([, v]) => (typeof v !== 'object' || v === null) && small(v))
    .map(([key, v]) => ({ path: toPointer([...path, key]), equals: v }));
}

const small = (value: unknown) => JSON.stringify(value).length <= MAX_EQUALS_CHARS;

/** `tools/call add`, `resources/read mem://greeting`, or the method alone. */
export function callName({ method, params }: WireRequest): string {
  const subject = params?.name ?? params?.uri;
  return typeof subject === 'string' ? `${method} ${subject}` : method;
}
