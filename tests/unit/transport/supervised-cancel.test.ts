/**
 * MCP cancellation through the supervisor: a cancelled request gets
 * no answer; if it is still running after the grace period, its worker is
 * restarted (the component cannot be interrupted) and the session goes on.
 */
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import { expect, test } from 'vitest';
import { SupervisedTransport, type SupervisorEvent } from '../../../src/transport/supervised.js';
import { ManualClock, settle } from '../../helpers/manual-clock.js';
import { scriptedWorker, type Received } from '../../helpers/scripted-worker.js';

const GRACE = 50;

/**
 * A pretend worker: `hang` never answers and, as a component runs one call at
 * a time, leaves the worker busy: it answers nothing after it. `finish`
 * answers when the worker next receives a message (the cancellation),
 * anything else at once.
 */
function fakeWorker() {
  let finishing: number | string | undefined;
  let busy = false;
  return scriptedWorker((m: Received, w) => {
    if (finishing !== undefined) {
      w.answer(finishing, { finished: true });
      finishing = undefined;
    }
    if (m.id === undefined || busy) return;
    if (m.method === 'hang') busy = true;
    else if (m.method === 'finish') finishing = m.id;
    else w.answer(m.id);
  });
}

/** `restartGate`: a later spawn waits for it, so a test can act while a restart is under way. */
function supervised(maxRestarts = 3, restartGate: Promise<void> = Promise.resolve()) {
  const clock = new ManualClock();
  const workers: Received[][] = [];
  const events: SupervisorEvent[] = [];
  const transport = new SupervisedTransport({
    timeoutMs: 60_000,
    cancelGraceMs: GRACE,
    maxRestarts,
    clock,
    spawn: async () => {
      if (workers.length > 0) await restartGate;
      const worker = fakeWorker();
      workers.push(worker.seen);
      return worker.link;
    },
    onEvent: (e) => events.push(e),
  });
  const received: JSONRPCMessage[] = [];
  transport.onmessage = (m) => received.push(m);
  return { transport, received, workers, events, clock };
}

const cancel = (requestId: number): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/cancelled',
  params: { requestId, reason: 'the user gave up' },
});

test('a cancelled request that keeps running gets no answer, its worker is restarted, and the next request works', async () => {
  const { transport, received, workers, events, clock } = supervised();
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'hang' });
  await transport.send(cancel(1));
  await clock.advance(GRACE - 1);
  expect(events).toEqual([]);
  await clock.advance(1);
  expect(events.map((e) => e.type)).toEqual(['restarting', 'restarted']);
  expect(events[0]).toMatchObject({ reason: { code: 'CANCELLED' } });
  // The worker saw the cancellation too, so a server that can stop early would.
  expect(workers[0]).toContainEqual(cancel(1));
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'ping' });
  await settle();
  expect(received).toEqual([{ jsonrpc: '2.0', id: 2, result: {} }]);
  expect(workers).toHaveLength(2);
  await transport.close();
});

test('a cancelled request that finishes within the grace period is not answered, and nothing restarts', async () => {
  const { transport, received, workers, events, clock } = supervised();
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'finish' });
  await transport.send(cancel(1));
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'ping' });
  await clock.advance(GRACE * 2); // past the grace period
  expect(received).toEqual([{ jsonrpc: '2.0', id: 2, result: {} }]);
  expect(events).toEqual([]);
  expect(workers).toHaveLength(1);
  await transport.close();
});

test('cancellations are not crash-loop failures', async () => {
  const { transport, received, events, clock } = supervised(0);
  await transport.start();
  for (const id of [1, 2]) {
    await transport.send({ jsonrpc: '2.0', id, method: 'hang' });
    await transport.send(cancel(id));
    await clock.advance(GRACE);
    expect(events.filter((e) => e.type === 'restarted')).toHaveLength(id);
  }
  expect(events.some((e) => e.type === 'gave-up')).toBe(false);
  await transport.send({ jsonrpc: '2.0', id: 3, method: 'ping' });
  await settle();
  expect(received).toEqual([{ jsonrpc: '2.0', id: 3, result: {} }]);
  await transport.close();
});

test('requests queued behind a cancelled one never started: the new worker answers them', async () => {
  const { transport, received, workers, clock } = supervised();
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'hang' });
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'ping' });
  await transport.send(cancel(1));
  await clock.advance(GRACE);
  expect(received).toEqual([{ jsonrpc: '2.0', id: 2, result: {} }]);
  expect(workers[1].map((m) => ('id' in m ? m.id : 'method' in m && m.method))).toEqual([2]);
  await transport.close();
});

test('a request cancelled while it waits for a restarting worker is dropped: the new worker never sees it', async () => {
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  const { transport, received, workers, events, clock } = supervised(3, gate);
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'hang' });
  await transport.send(cancel(1));
  await clock.advance(GRACE);
  expect(events.map((e) => e.type)).toEqual(['restarting']);
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'ping' });
  await transport.send(cancel(2));
  await transport.send({ jsonrpc: '2.0', id: 3, method: 'ping' });
  open();
  await settle();
  expect(received).toEqual([{ jsonrpc: '2.0', id: 3, result: {} }]);
  expect(workers[1].map((m) => ('id' in m ? m.id : 'method' in m && m.method))).toEqual([3]);
  await transport.close();
});
