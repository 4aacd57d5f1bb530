// History's round markers: the retries of an input_required call are linked to its first request.
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import { expect, it } from 'vitest';
import type { HistoryEntry } from '../../../src/session/entries.js';
import { kindOf } from '../../../src/transport/recording.js';
import { callRounds } from '../../../src/ui/features/history/call-rounds.js';

let seq = 0;
const entry = (direction: 'in' | 'out', message: JSONRPCMessage, method: string): HistoryEntry => ({
  seq: ++seq,
  direction,
  kind: kindOf(message),
  message,
  method,
  id: 'id' in message ? message.id : undefined,
  size: 0,
  time: 0,
  raw: false,
});
const call = (id: number, name: string, extra: Record<string, unknown> = {}) =>
  entry('out', { jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: {}, ...extra } }, 'tools/call');
const answer = (id: number, result: Record<string, unknown>) => entry('in', { jsonrpc: '2.0', id, result }, 'tools/call');
const asks = (id: number, requestState?: string) =>
  answer(id, { resultType: 'input_required', inputRequests: { q: { method: 'roots/list' } }, ...(requestState ? { requestState } : {}) });

it('numbers the rounds of a call by the requestState each retry carries back', () => {
  const entries = [call(1, 'a'), call(2, 'b'), asks(1, 'S1'), asks(2, 'S2'), call(3, 'a', { requestState: 'S1', inputResponses: {} }), asks(3, 'S3')];
  entries.push(call(4, 'b', { requestState: 'S2', inputResponses: {} }), call(5, 'a', { requestState: 'S3', inputResponses: {} }), answer(5, { content: [] }));
  const rounds = callRounds(entries);
  const bySeq = (i: number) => rounds.get(entries[i]!.seq);
  expect(bySeq(0)).toEqual({ round: 1, first: 1 });
  expect(bySeq(1)).toEqual({ round: 1, first: 2 });
  expect(bySeq(4)).toEqual({ round: 2, first: 1 });
  expect(bySeq(6)).toEqual({ round: 2, first: 2 });
  expect(bySeq(7)).toEqual({ round: 3, first: 1 });
  expect(rounds.size).toBe(5);
});

it('matches a retry without requestState by method and tool, and leaves single calls unmarked', () => {
  const entries = [call(1, 'a'), answer(1, { content: [] }), call(2, 'a'), asks(2), call(3, 'a', { inputResponses: { q: {} } }), answer(3, { content: [] })];
  const rounds = callRounds(entries);
  expect(rounds.get(entries[0]!.seq)).toBeUndefined();
  expect(rounds.get(entries[2]!.seq)).toEqual({ round: 1, first: 2 });
  expect(rounds.get(entries[4]!.seq)).toEqual({ round: 2, first: 2 });
});
