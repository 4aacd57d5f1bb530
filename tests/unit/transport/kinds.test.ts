import * as sdk from '@modelcontextprotocol/client';
import { JSONRPCMessageSchema } from '@modelcontextprotocol/core';
import { describe, expect, it } from 'vitest';
import * as kinds from '../../../src/transport/kinds.js';

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

/** The member checks beside the SDK guards that parse: the same question, asked of a parsed message. */
const CHECKS = [
  ['isRequest', 'isJSONRPCRequest'],
  ['isNotification', 'isJSONRPCNotification'],
  ['isResultResponse', 'isJSONRPCResultResponse'],
  ['isErrorResponse', 'isJSONRPCErrorResponse'],
] as const;

/** What JSON-RPC parsing makes of VALUES: the messages the checks are ever asked about. */
const PARSED = VALUES.flatMap((value) => {
  const parsed = JSONRPCMessageSchema.safeParse(value);
  return parsed.success ? [parsed.data] : [];
});

describe('the JSON-RPC shape checks', () => {
  it('parse at least one message of each shape', () => {
    for (const [, theirs] of CHECKS) expect(PARSED.some((message) => sdk[theirs](message))).toBe(true);
  });

  it("tell a parsed message's shape by its members alone, as the SDK's guards do", () => {
    for (const message of PARSED) {
      for (const [mine, theirs] of CHECKS) expect([message, mine, kinds[mine](message)]).toEqual([message, mine, sdk[theirs](message)]);
      expect(kinds.isResponse(message)).toBe(sdk.isJSONRPCResultResponse(message) || sdk.isJSONRPCErrorResponse(message));
    }
  });

  it('find exactly one shape for each parsed message', () => {
    for (const message of PARSED) expect(CHECKS.filter(([mine]) => kinds[mine](message))).toHaveLength(1);
  });
});
