/** After a restart the supervisor tells the new worker what the old one's server held. */
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import { expect, test } from 'vitest';
import { SupervisedTransport, type SupervisorEvent } from '../../../src/transport/supervised.js';
import { ManualClock, settle } from '../../helpers/manual-clock.js';
import { scriptedWorker, type Received } from '../../helpers/scripted-worker.js';

/** A pretend worker that records what it receives and answers every request but `hang`. */
function fakeWorker() {
  return scriptedWorker((m, w) => {
    if (m.id !== undefined && m.method !== undefined && m.method !== 'hang') w.answer(m.id);
  });
}

function supervised() {
  const clock = new ManualClock();
  const workers: Received[][] = [];
  const events: SupervisorEvent[] = [];
  const transport = new SupervisedTransport({
    timeoutMs: 1000,
    clock,
    spawn: async () => {
      const worker = fakeWorker();
      workers.push(worker.seen);
      return worker.link;
    },
    onEvent: (e) => events.push(e),
  });
  const received: JSONRPCMessage[] = [];
  transport.onmessage = (m) => received.push(m);
  const send = (id: number, method: string, params?: Record<string, unknown>) =>
    transport.send({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) });
  return { transport, received, workers, events, clock, send };
}

test('a new worker gets the initialize, the last log level and the live subscriptions; their answers stay inside', async () => {
  const { transport, received, workers, events, clock, send } = supervised();
  await transport.start();
  await send(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } });
  await transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  await send(2, 'logging/setLevel', { level: 'debug' });
  await send(3, 'logging/setLevel', { level: 'error' });
  await send(4, 'resources/subscribe', { uri: 'mem://a' });
  await send(5, 'resources/subscribe', { uri: 'mem://b' });
  await send(6, 'resources/unsubscribe', { uri: 'mem://a' });
  await settle();
  expect(received).toHaveLength(6);
  await send(7, 'hang');
  await clock.advance(1000);
  expect(events.map((e) => e.type)).toEqual(['restarting', 'restarted']);
  expect(workers[1].map((m) => [m.method, m.params])).toEqual([
    ['initialize', expect.anything()],
    ['notifications/initialized', undefined],
    ['logging/setLevel', { level: 'error' }],
    ['resources/subscribe', { uri: 'mem://b' }],
  ]);
  // The client saw its seven answers (the last a timeout) and nothing of the replay.
  expect(received.map((m) => ('id' in m ? m.id : undefined))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  await transport.close();
});

test('a 2026-07-28 client has no session: a new worker is told nothing', async () => {
  const { transport, workers, clock, send } = supervised();
  await transport.start();
  const meta = { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } };
  await send(1, 'server/discover', meta);
  await send(2, 'hang', meta);
  await clock.advance(1000);
  await send(3, 'tools/list', meta);
  await settle();
  expect(workers[1].map((m) => [m.id, m.method])).toEqual([[3, 'tools/list']]);
  await transport.close();
});

test('a request that fails is not replayed: the new worker keeps the level that was set', async () => {
  const clock = new ManualClock();
  const workers: Received[][] = [];
  const transport = new SupervisedTransport({
    timeoutMs: 1000,
    clock,
    spawn: async () => {
      const worker = scriptedWorker((m, w) => {
        if (m.id === undefined || m.method === 'hang') return;
        if (m.params?.level === 'bogus') w.send({ jsonrpc: '2.0', id: m.id, error: { code: -32602, message: 'no such level' } });
        else w.answer(m.id);
      });
      workers.push(worker.seen);
      return worker.link;
    },
  });
  await transport.start();
  const send = (id: number, method: string, params?: Record<string, unknown>) =>
    transport.send({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) });
  await send(1, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } });
  await send(2, 'logging/setLevel', { level: 'info' });
  await send(3, 'logging/setLevel', { level: 'bogus' });
  await send(4, 'hang');
  await clock.advance(1000);
  expect(workers[1].filter((m) => m.method === 'logging/setLevel').map((m) => m.params)).toEqual([{ level: 'info' }]);
  await transport.close();
});
