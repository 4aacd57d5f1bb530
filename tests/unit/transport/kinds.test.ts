import * as sdk from '@modelcontextprotocol/client';
import { JSONRPCMessageSchema } from '@modelcontextprotocol/core';
import { describe, expect, it } from 'vitest';
import * as kinds from '../../../src/transport/kinds.js';

const GUARDS = ['isJSONRPCRequest', 'isJSONRPCNotification', 'isJSONRPCResultResponse', 'isJSONRPCErrorResponse'] as const;

/** Messages of every shape, well and badly formed, and things that are no message at all. */
const VALUES: unknown[] = [
  { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo', arguments: { text: 'hi' } } },
  { jsonrpc: '2.0', id: 'a', method: 'ping' },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1 } },
  { jsonrpc: '2.0', id: 1, result: {} },
  { jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: 'hi' }] } },
  { jsonrpc: '2.0', id: 1, error: { code: -32600, message: 'no' } },
  { jsonrpc: '2.0', error: { code: -32700, message: 'parse error' } },
  // a notification's shape with an id member that is undefined, and other near misses
  { jsonrpc: '2.0', id: undefined, method: 'notifications/initialized' },
  { jsonrpc: '2.0', id: 1.5, method: 'ping' },
  { jsonrpc: '1.0', id: 1, method: 'ping' },
  { jsonrpc: '2.0', id: 1, method: 'ping', extra: true },
  { jsonrpc: '2.0', id: 1, result: 'text' },
  { jsonrpc: '2.0', id: 1, result: {}, error: { code: 1, message: 'both' } },
  { jsonrpc: '2.0', id: 1, error: { code: 'x', message: 'no' } },
  { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'no' } },
  { jsonrpc: '2.0', method: 1 },
  {},
  [],
  null,
  undefined,
  'text',
  42,
];

describe('the JSON-RPC shape guards', () => {
  for (const guard of GUARDS) {
    it(`${guard} answers as the SDK's does`, () => {
      for (const value of VALUES) expect([value, kinds[guard](value)]).toEqual([value, sdk[guard](value)]);
    });
  }

  it('finds exactly one shape for each valid message', () => {
    for (const value of VALUES.slice(0, 8)) expect(GUARDS.filter((guard) => kinds[guard](value))).toHaveLength(1);
  });

  it("tells a message already parsed by its members alone, as the SDK's guards do", () => {
    const typed = [
      ['isRequest', 'isJSONRPCRequest'],
      ['isNotification', 'isJSONRPCNotification'],
      ['isResultResponse', 'isJSONRPCResultResponse'],
      ['isErrorResponse', 'isJSONRPCErrorResponse'],
    ] as const;
    for (const value of VALUES.slice(0, 8)) {
      const message = JSONRPCMessageSchema.parse(value);
      for (const [mine, theirs] of typed) expect([value, mine, kinds[mine](message)]).toEqual([value, mine, sdk[theirs](value)]);
      expect(kinds.isResponse(message)).toBe(sdk.isJSONRPCResultResponse(value) || sdk.isJSONRPCErrorResponse(value));
    }
  });
});
