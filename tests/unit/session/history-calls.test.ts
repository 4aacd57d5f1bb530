/** A history saved as a collection: answered requests paired with their answers by id, with proposed expectations. */
import { describe, expect, it } from 'vitest';
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import type { HistoryEntry } from '../../../src/session/entries.js';
import { historyCalls } from '../../../src/session/history-calls.js';

let seq = 0;
function entry(direction: 'out' | 'in', message: JSONRPCMessage): HistoryEntry {
  const kind = 'method' in message ? ('id' in message ? 'request' : 'notification') : 'error' in message ? 'error' : 'result';
  const id = 'id' in message ? message.id : undefined;
  return { seq: ++seq, direction, kind, message, method: undefined, id, size: 0, time: 0, raw: false };
}

const add = (id: number) => entry('out', { jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'add', arguments: { a: 1, b: 2 } } });

describe('historyCalls', () => {
  it('pairs requests with their answers, leaves out initialize and unanswered requests, and names repeats apart', () => {
    const calls = historyCalls([
      entry('out', { jsonrpc: '2.0', id: 0, method: 'initialize', params: {} }),
      entry('in', { jsonrpc: '2.0', id: 0, result: { protocolVersion: 'x' } }),
      add(1),
      add(2),
      entry('in', { jsonrpc: '2.0', id: 2, error: { code: -32602, message: 'bad' } }),
      entry('in', { jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: '3' }] } }),
      add(3),
    ]);
    expect(calls).toEqual([
      { name: 'tools/call add', request: { kind: 'tool', name: 'add', arguments: { a: 1, b: 2 } }, expect: { error: -32602 } },
      {
        name: 'tools/call add (2)',
        request: { kind: 'tool', name: 'add', arguments: { a: 1, b: 2 } },
        expect: { isError: false, checks: [{ path: '/content/0', equals: { type: 'text', text: '3' } }] },
      },
    ]);
  });

  it('does not take a request from the server for an answer to one of ours', () => {
    const calls = historyCalls([
      entry('out', { jsonrpc: '2.0', id: 7, method: 'ping' }),
      entry('in', { jsonrpc: '2.0', id: 7, method: 'roots/list' }),
      entry('in', { jsonrpc: '2.0', id: 7, result: {} }),
    ]);
    expect(calls).toEqual([{ name: 'ping', request: { kind: 'request', method: 'ping' }, expect: { checks: [{ path: '', equals: {} }] } }]);
  });
});
