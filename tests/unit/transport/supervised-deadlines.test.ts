/** When the supervisor's deadline runs: not while a request waits for a worker, nor while the component waits on the client. */
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import { expect, test } from 'vitest';
import { SupervisedTransport } from '../../../src/transport/supervised.js';
import { ManualClock, settle } from '../../helpers/manual-clock.js';
import { scriptedWorker, type Received, type ScriptedWorker } from '../../helpers/scripted-worker.js';

const DEADLINE = 200;

/**
 * Answers every request at once except `hang`; `ask` sends the client a
 * question (id 100) related to it, and answers once the client has answered;
 * `withdraw` asks and withdraws the question before answering, `abandon` asks
 * and answers leaving it open; `round` answers input_required and holds the
 * call until a retry carrying its requestState.
 */
function script(m: Received, w: ScriptedWorker): void {
  if (m.id === 100 && m.result !== undefined) {
    w.answer(1, { asked: true });
    return;
  }
  if (m.id === undefined || m.method === undefined) return;
  if (m.params?.requestState === 'held-1') w.held(0);
  if (m.method === 'hang') return;
  if (m.method === 'ask' || m.method === 'withdraw' || m.method === 'abandon') {
    w.send({ jsonrpc: '2.0', id: 100, method: 'elicitation/create', params: {} }, m.id);
    if (m.method === 'ask') return;
    if (m.method === 'withdraw') w.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 100 } });
  }
  if (m.method === 'round') {
    w.held(1);
    w.answer(m.id, { resultType: 'input_required', inputRequests: {}, requestState: 'held-1' });
    return;
  }
  w.answer(m.id);
}

/** `restartDelay`: a worker after the first becomes ready only that long after it is asked for. */
function supervised(restartDelay = 0) {
  const clock = new ManualClock();
  const workers: ScriptedWorker[] = [];
  const transport = new SupervisedTransport({
    timeoutMs: DEADLINE,
    clock,
    spawn: async () => {
      if (workers.length > 0 && restartDelay > 0) await new Promise<void>((resolve) => clock.setTimeout(resolve, restartDelay));
      const worker = scriptedWorker(script);
      workers.push(worker);
      return worker.link;
    },
  });
  const received: JSONRPCMessage[] = [];
  transport.onmessage = (m) => received.push(m);
  const ids = () => received.map((m) => ('id' in m ? m.id : undefined));
  const timedOut = () => received.filter((m) => 'error' in m && m.error.code === -32001).map((m) => ('id' in m ? m.id : undefined));
  return { transport, received, workers, clock, ids, timedOut };
}

test('a request past its deadline is answered with a timeout and the worker is replaced', async () => {
  const { transport, workers, clock, timedOut } = supervised();
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'hang' });
  await clock.advance(DEADLINE - 1);
  expect(timedOut()).toEqual([]);
  await clock.advance(1);
  expect(timedOut()).toEqual([1]);
  expect(workers.map((w) => w.terminated)).toEqual([true, false]);
  await transport.close();
});

test('a request queued during a slow restart is not timed out by the restart', async () => {
  const { transport, received, workers, clock } = supervised(DEADLINE * 3);
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'hang' });
  await clock.advance(DEADLINE); // past the deadline: answered with an error, restart under way
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'ping' });
  await clock.advance(DEADLINE * 3); // the restart takes longer than a deadline
  expect(received).toEqual([
    expect.objectContaining({ id: 1, error: expect.objectContaining({ code: -32001 }) }),
    { jsonrpc: '2.0', id: 2, result: {} },
  ]);
  expect(workers).toHaveLength(2);
  await transport.close();
});

test('the deadline stops while the component waits for the client', async () => {
  const { transport, received, clock } = supervised();
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'ask' });
  await clock.advance(DEADLINE * 10); // "waiting for the user"
  expect(received).toEqual([{ jsonrpc: '2.0', id: 100, method: 'elicitation/create', params: {} }]);
  await transport.send({ jsonrpc: '2.0', id: 100, result: { action: 'decline' } });
  await settle();
  expect(received[1]).toEqual({ jsonrpc: '2.0', id: 1, result: { asked: true } });
  await transport.close();
});

test('a request behind one that waits for the client is not timed out meanwhile; its deadline starts afresh after', async () => {
  const { transport, received, clock, timedOut } = supervised();
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'ask' });
  // Behind the suspended handler, in a host that runs one handler at a time, this one cannot run.
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'hang' });
  await clock.advance(DEADLINE * 10);
  expect(received).toHaveLength(1);
  await clock.advance(DEADLINE - 50);
  await transport.send({ jsonrpc: '2.0', id: 100, result: { action: 'decline' } });
  await settle();
  expect(received[1]).toEqual({ jsonrpc: '2.0', id: 1, result: { asked: true } });
  await clock.advance(DEADLINE - 1); // a fresh deadline, not what was left of one
  expect(timedOut()).toEqual([]);
  await clock.advance(1);
  expect(timedOut()).toEqual([2]);
  await transport.close();
});

for (const how of ['withdraw', 'abandon']) {
  test(`deadlines run again once a question is closed without an answer (${how})`, async () => {
    const { transport, received, clock, timedOut } = supervised();
    await transport.start();
    await transport.send({ jsonrpc: '2.0', id: 1, method: how });
    await settle();
    expect(received.filter((m) => 'id' in m && m.id === 1)).toEqual([{ jsonrpc: '2.0', id: 1, result: {} }]);
    await transport.send({ jsonrpc: '2.0', id: 2, method: 'hang' });
    await clock.advance(DEADLINE);
    expect(timedOut()).toEqual([2]);
    await transport.close();
  });
}

test('no deadline runs while the component holds a call between input_required rounds, and the retry ends the hold', async () => {
  const { transport, clock, ids, timedOut } = supervised();
  await transport.start();
  // Both sent before the worker holds the first, so the second's deadline is running when the hold
  // begins; queued behind the held call in a real component, it must not cost the worker its life.
  await Promise.all([
    transport.send({ jsonrpc: '2.0', id: 1, method: 'round' }),
    transport.send({ jsonrpc: '2.0', id: 2, method: 'hang' }),
  ]);
  await clock.advance(DEADLINE * 10);
  expect(ids()).toEqual([1]);
  // The retry releases the hold: from now on deadlines run again, and the request left waiting times out.
  await transport.send({ jsonrpc: '2.0', id: 3, method: 'hang', params: { requestState: 'held-1' } });
  await clock.advance(DEADLINE);
  expect(timedOut()).toEqual([2]);
  await transport.close();
});

test('a component call behind another gets its whole deadline once the one before it finishes', async () => {
  const clock = new ManualClock();
  let finishFirst = () => {};
  const transport = new SupervisedTransport({
    timeoutMs: DEADLINE,
    clock,
    spawn: async () =>
      scriptedWorker((m, w) => {
        if (m.id === 1) finishFirst = () => w.answer(1);
        else if (m.id !== undefined && m.method !== 'tools/call') w.answer(m.id);
      }).link,
  });
  const received: JSONRPCMessage[] = [];
  transport.onmessage = (m) => received.push(m);
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'slow' } });
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'next' } });
  await clock.advance(DEADLINE - 10);
  finishFirst();
  await settle();
  await clock.advance(DEADLINE - 1);
  expect(received).toEqual([{ jsonrpc: '2.0', id: 1, result: {} }]);
  await clock.advance(1);
  expect(received[1]).toEqual(expect.objectContaining({ id: 2, error: expect.objectContaining({ code: -32001 }) }));
  await transport.close();
});
