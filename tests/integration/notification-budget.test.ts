/**
 * Backpressure on notifications: the `floods` example's `log` tool logs
 * 10,000 messages of 1 KiB in one call. The client receives the first ones up
 * to the per-call budget and one line from the host saying how many it
 * dropped; the call itself succeeds.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NOTIFICATION_BUDGET } from '../../src/host/notification-budget.js';
import { exampleBytes } from '../helpers/examples.js';
import { connect, type Connected } from '../helpers/in-memory.js';

let c: Connected;
beforeAll(async () => {
  c = await connect(exampleBytes('floods'));
});
afterAll(async () => c?.close());

it('lets through the per-call budget of a flood of log messages, and reports the rest dropped in one line', async () => {
  expect(await c.client.callTool({ name: 'log', arguments: {} })).toEqual({ content: [] });
  const logs = c.notifications.filter((n) => n.method === 'notifications/message');
  const fromComponent = logs.filter((n) => n.params?.logger === 'floods');
  const fromHost = logs.filter((n) => n.params?.logger === 'wasi-mcp host');
  expect(fromComponent).toHaveLength(NOTIFICATION_BUDGET.perCall);
  expect(fromHost).toEqual([
    {
      jsonrpc: '2.0',
      method: 'notifications/message',
      params: {
        level: 'warning',
        logger: 'wasi-mcp host',
        data: `the host dropped ${10_000 - NOTIFICATION_BUDGET.perCall} notifications the component sent in callTool: over its budget of ${NOTIFICATION_BUDGET.perCall} per call and ${NOTIFICATION_BUDGET.perSecond} per second`,
      },
    },
  ]);
  expect(logs.at(-1)).toEqual(fromHost[0]);
});
