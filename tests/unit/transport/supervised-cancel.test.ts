/**
 * MCP cancellation through the supervisor: a cancelled request gets
 * no answer; if it is still running after the grace period, its worker is
 * restarted (the component cannot be interrupted) and the session goes on.
 */
import { MessageChannel } from 'node:worker_threads';
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import { expect, test, vi } from 'vitest';
import type { PortLike } from '../../../src/transport/message-port.js';
import { SupervisedTransport, type SupervisorEvent, type WorkerLink } from '../../../src/transport/supervised.js';

/**
 * A pretend worker: `hang` never answers and, as a component runs one call at
 * a time, leaves the worker busy: it answers nothing after it. `finish`
 * answers when the worker next receives a message (the cancellation),
 * anything else at once. `seen` collects what it received.
 */
function fakeWorker(seen: JSONRPCMessage[]): WorkerLink {
  const { port1, port2 } = new MessageChannel();
  let finishing: number | string | undefined;
  let busy = false;
  port2.on('message', (text: string) => {
    const m = JSON.parse(text) as JSONRPCMessage & { id?: number | string; method?: string };
    seen.push(m);
    if (finishing !== undefined) {
      port2.postMessage(JSON.stringify({ jsonrpc: '2.0', id: finishing, result: { finished: true } }));
      finishing = undefined;
    }
    if (m.id === undefined || busy) return;
    if (m.method === 'hang') {
      busy = true;
      return;
    }
    if (m.method === 'finish') finishing = m.id;
    else port2.postMessage(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: {} }));
  });
  return { port: port1 as unknown as PortLike, terminate: () => port2.close() };
}

/** `restartGate`: a later spawn waits for it, so a test can act while a restart is under way. */
function supervised(maxRestarts = 3, restartGate: Promise<void> = Promise.resolve()) {
  const workers: JSONRPCMessage[][] = [];
  const events: SupervisorEvent[] = [];
  const transport = new SupervisedTransport({
    timeoutMs: 60_000,
    cancelGraceMs: 50,
    maxRestarts,
    spawn: async () => {
      if (workers.length > 0) await restartGate;
      const seen: JSONRPCMessage[] = [];
      workers.push(seen);
      return fakeWorker(seen);
    },
    onEvent: (e) => events.push(e),
  });
  const received: JSONRPCMessage[] = [];
  transport.onmessage = (m) => received.push(m);
  return { transport, received, workers, events };
}

const cancel = (requestId: number): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/cancelled',
  params: { requestId, reason: 'the user gave up' },
});

test('a cancelled request that keeps running gets no answer, its worker is restarted, and the next request works', async () => {
  const { transport, received, workers, events } = supervised();
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'hang' });
  await transport.send(cancel(1));
  await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(['restarting', 'restarted']));
  expect(events[0]).toMatchObject({ reason: { code: 'CANCELLED' } });
  // The worker saw the cancellation too, so a server that can stop early would.
  expect(workers[0]).toContainEqual(cancel(1));
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'ping' });
  await vi.waitFor(() => expect(received).toHaveLength(1));
  expect(received).toEqual([{ jsonrpc: '2.0', id: 2, result: {} }]);
  expect(workers).toHaveLength(2);
  await transport.close();
});

test('a cancelled request that finishes within the grace period is not answered, and nothing restarts', async () => {
  const { transport, received, workers, events } = supervised();
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'finish' });
  await transport.send(cancel(1));
  // A ping after the cancellation: when its answer is here, the cancelled one's came and went.
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'ping' });
  await vi.waitFor(() => expect(received).toEqual([{ jsonrpc: '2.0', id: 2, result: {} }]));
  await new Promise((resolve) => setTimeout(resolve, 100)); // past the grace period
  expect(events).toEqual([]);
  expect(workers).toHaveLength(1);
  await transport.close();
});

test('cancellations are not crash-loop failures', async () => {
  const { transport, received, events } = supervised(0);
  await transport.start();
  for (const id of [1, 2]) {
    await transport.send({ jsonrpc: '2.0', id, method: 'hang' });
    await transport.send(cancel(id));
    await vi.waitFor(() => expect(events.filter((e) => e.type === 'restarted')).toHaveLength(id));
  }
  expect(events.some((e) => e.type === 'gave-up')).toBe(false);
  await transport.send({ jsonrpc: '2.0', id: 3, method: 'ping' });
  await vi.waitFor(() => expect(received).toEqual([{ jsonrpc: '2.0', id: 3, result: {} }]));
  await transport.close();
});

test('requests queued behind a cancelled one never started: the new worker answers them', async () => {
  const { transport, received, workers } = supervised();
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'hang' });
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'ping' });
  await transport.send(cancel(1));
  await vi.waitFor(() => expect(received).toHaveLength(1));
  expect(received).toEqual([{ jsonrpc: '2.0', id: 2, result: {} }]);
  expect(workers[1].map((m) => ('id' in m ? m.id : 'method' in m && m.method))).toEqual([2]);
  await transport.close();
});

test('a request cancelled while it waits for a restarting worker is dropped: the new worker never sees it', async () => {
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  const { transport, received, workers, events } = supervised(3, gate);
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'hang' });
  await transport.send(cancel(1));
  await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(['restarting']));
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'ping' });
  await transport.send(cancel(2));
  await transport.send({ jsonrpc: '2.0', id: 3, method: 'ping' });
  open();
  await vi.waitFor(() => expect(received).toEqual([{ jsonrpc: '2.0', id: 3, result: {} }]));
  expect(workers[1].map((m) => ('id' in m ? m.id : 'method' in m && m.method))).toEqual([3]);
  await transport.close();
});
