/** After a restart the supervisor tells the new worker what the old one's server held. */
import { MessageChannel } from 'node:worker_threads';
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import { expect, test, vi } from 'vitest';
import type { PortLike } from '../../../src/transport/message-port.js';
import { SupervisedTransport, type SupervisorEvent, type WorkerLink } from '../../../src/transport/supervised.js';

/** A pretend worker that records what it receives and answers every request but `hang`. */
function fakeWorker(seen: JSONRPCMessage[]): WorkerLink {
  const { port1, port2 } = new MessageChannel();
  port2.on('message', (text: string) => {
    const m = JSON.parse(text) as JSONRPCMessage & { id?: string | number; method?: string };
    seen.push(m);
    if (m.id === undefined || m.method === 'hang') return;
    port2.postMessage(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: {} }));
  });
  return { port: port1 as unknown as PortLike, terminate: () => port2.close() };
}

test('a new worker gets the initialize, the last log level and the live subscriptions; their answers stay inside', async () => {
  const workers: JSONRPCMessage[][] = [];
  const events: SupervisorEvent[] = [];
  const transport = new SupervisedTransport({
    // Long enough that a loaded machine does not time out the replay itself.
    timeoutMs: 1000,
    spawn: async () => {
      const seen: JSONRPCMessage[] = [];
      workers.push(seen);
      return fakeWorker(seen);
    },
    onEvent: (e) => events.push(e),
  });
  const received: JSONRPCMessage[] = [];
  transport.onmessage = (m) => received.push(m);
  await transport.start();
  const send = (id: number, method: string, params?: Record<string, unknown>) =>
    transport.send({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) });
  await send(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } });
  await transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  await send(2, 'logging/setLevel', { level: 'debug' });
  await send(3, 'logging/setLevel', { level: 'error' });
  await send(4, 'resources/subscribe', { uri: 'mem://a' });
  await send(5, 'resources/subscribe', { uri: 'mem://b' });
  await send(6, 'resources/unsubscribe', { uri: 'mem://a' });
  await vi.waitFor(() => expect(received).toHaveLength(6));
  await send(7, 'hang');
  await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(['restarting', 'restarted']), { timeout: 10_000 });
  await vi.waitFor(() => expect(workers[1]).toHaveLength(4), { timeout: 10_000 });
  expect(workers[1].map((m) => ('method' in m ? [m.method, 'params' in m ? m.params : undefined] : m))).toEqual([
    ['initialize', expect.anything()],
    ['notifications/initialized', undefined],
    ['logging/setLevel', { level: 'error' }],
    ['resources/subscribe', { uri: 'mem://b' }],
  ]);
  await new Promise((r) => setTimeout(r, 20));
  // The client saw its seven answers (the last a timeout) and nothing of the replay.
  expect(received.map((m) => ('id' in m ? m.id : undefined))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  await transport.close();
});
