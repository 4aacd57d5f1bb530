/**
 * The requests of a history that got an answer, as saved calls whose
 * expectations the observed answers meet (src/collections/propose.ts).
 */
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import type { Call } from '../collections/format.js';
import { callName, proposeCall } from '../collections/propose.js';
import type { ObservedResponse } from '../collections/propose.js';
import type { WireRequest } from '../collections/request.js';
import type { HistoryEntry } from './entries.js';
import { uniqueName } from './collections.js';

/** Belong to a connection, not to a call that can be run again on one. */
const NOT_SAVED = new Set(['initialize', 'subscriptions/listen']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function wireRequest(message: JSONRPCMessage): WireRequest | undefined {
  if (!('method' in message) || !('id' in message)) return undefined;
  const params = 'params' in message && isObject(message.params) ? message.params : undefined;
  return params === undefined ? { method: message.method } : { method: message.method, params };
}

function observed(message: JSONRPCMessage): ObservedResponse | undefined {
  if ('result' in message && isObject(message.result)) return { result: message.result };
  if ('error' in message && isObject(message.error)) return { error: message.error as { code: number; message: string } };
  return undefined;
}

/** Each request the page sent that was answered, in order, paired with its answer by id. */
export function historyCalls(entries: readonly HistoryEntry[]): Call[] {
  const waiting = new Map<string, WireRequest>();
  const calls: Call[] = [];
  for (const entry of entries) {
    if (entry.id === undefined) continue;
    const key = String(entry.id);
    if (entry.direction === 'out' && entry.kind === 'request') {
      const request = wireRequest(entry.message);
      if (request && !NOT_SAVED.has(request.method)) waiting.set(key, request);
      continue;
    }
    const request = entry.direction === 'in' && entry.kind !== 'request' ? waiting.get(key) : undefined;
    const response = request && observed(entry.message);
    if (!request || !response) continue;
    waiting.delete(key);
    calls.push(proposeCall(request, response, uniqueName(callName(request), calls.map((c) => c.name))));
  }
  return calls;
}
