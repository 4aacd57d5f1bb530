/** The console's text as a request a collection can keep: a JSON-RPC request with a method (its id and `_meta` belong to one sending). */
import { fromWire } from '../../../collections/request.js';
import type { Built } from './SaveCall.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function consoleRequest(text: string): Built {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: `Not saved: not JSON (${(e as Error).message})` };
  }
  if (!isObject(value) || typeof value.method !== 'string' || !('id' in value)) {
    return { ok: false, problem: 'Not saved: only a request (with a method and an id) can be saved as a call' };
  }
  if (value.params !== undefined && !isObject(value.params)) return { ok: false, problem: 'Not saved: params must be an object' };
  return { ok: true, request: fromWire(value.params === undefined ? { method: value.method } : { method: value.method, params: value.params }) };
}
