/** When the supervisor's deadline runs: not while a request waits for a worker, nor while the component waits on the client. */
import { MessageChannel } from 'node:worker_threads';
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import { expect, test } from 'vitest';
import type { PortLike } from '../../../src/transport/message-port.js';
import { SupervisedTransport, type WorkerLink } from '../../../src/transport/supervised.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A pretend worker: answers every request at once except `hang`; `ask` makes it send the client a request related to it, and answers `ask` once the client has answered. */
function fakeWorker(): WorkerLink {
  const { port1, port2 } = new MessageChannel();
  let asking: number | string | undefined;
  port2.on('message', (text: string) => {
    const m = JSON.parse(text) as { id?: number | string; method?: string; result?: unknown };
    if (m.id === 100 && m.result !== undefined && asking !== undefined) {
      port2.postMessage(JSON.stringify({ jsonrpc: '2.0', id: asking, result: { asked: true } }));
      asking = undefined;
      return;
    }
    if (m.method === 'hang' || m.id === undefined) return;
    if (m.method === 'withdraw' || m.method === 'abandon') {
      // Asks, then withdraws the question (`withdraw`) or answers its own request leaving it open (`abandon`).
      port2.postMessage(JSON.stringify({ relatedRequestId: m.id, message: { jsonrpc: '2.0', id: 101, method: 'elicitation/create', params: {} } }));
      if (m.method === 'withdraw') port2.postMessage(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 101 } }));
      port2.postMessage(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: {} }));
      return;
    }
    if (m.method === 'round') {
      // 2026-07-28: the component asked something; its call is held until the retry carrying this state.
      port2.postMessage(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: { resultType: 'input_required', inputRequests: {}, requestState: 'held-1' } }));
      return;
    }
    if (m.method === 'ask') {
      asking = m.id;
      port2.postMessage(JSON.stringify({ relatedRequestId: m.id, message: { jsonrpc: '2.0', id: 100, method: 'elicitation/create', params: {} } }));
      return;
    }
    if (m.method !== undefined) port2.postMessage(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: {} }));
  });
  return { port: port1 as unknown as PortLike, terminate: () => port2.close() };
}

function supervised(spawnDelayMs: number) {
  let spawns = 0;
  const transport = new SupervisedTransport({
    timeoutMs: 200,
    spawn: async () => {
      if (spawns++ > 0) await sleep(spawnDelayMs);
      return fakeWorker();
    },
  });
  const received: JSONRPCMessage[] = [];
  transport.onmessage = (m) => received.push(m);
  return { transport, received, spawns: () => spawns };
}

test('a request queued during a slow restart is not timed out by the restart', async () => {
  const { transport, received, spawns } = supervised(500);
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'hang' });
  await sleep(250); // past the deadline: answered with an error, restart under way
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'ping' });
  await sleep(600);
  expect(received).toEqual([
    expect.objectContaining({ id: 1, error: expect.objectContaining({ code: -32001 }) }),
    { jsonrpc: '2.0', id: 2, result: {} },
  ]);
  expect(spawns()).toBe(2);
  await transport.close();
});

test('the deadline stops while the component waits for the client', async () => {
  const { transport, received } = supervised(0);
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'ask' });
  await sleep(400); // twice the deadline, spent "waiting for the user"
  expect(received).toEqual([{ jsonrpc: '2.0', id: 100, method: 'elicitation/create', params: {} }]);
  await transport.send({ jsonrpc: '2.0', id: 100, result: { action: 'decline' } });
  await sleep(50);
  expect(received[1]).toEqual({ jsonrpc: '2.0', id: 1, result: { asked: true } });
  await transport.close();
});

test('a request behind one that waits for the client is not timed out meanwhile; its deadline starts afresh after', async () => {
  const { transport, received } = supervised(0);
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'ask' });
  // Behind the suspended handler, in a host that runs one handler at a time, this one cannot run.
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'hang' });
  await sleep(400); // twice the deadline
  expect(received).toEqual([{ jsonrpc: '2.0', id: 100, method: 'elicitation/create', params: {} }]);
  await transport.send({ jsonrpc: '2.0', id: 100, result: { action: 'decline' } });
  await sleep(50);
  expect(received).toHaveLength(2);
  expect(received[1]).toEqual({ jsonrpc: '2.0', id: 1, result: { asked: true } });
  await sleep(300); // past a fresh deadline
  expect(received[2]).toEqual(expect.objectContaining({ id: 2, error: expect.objectContaining({ code: -32001 }) }));
  await transport.close();
});

for (const how of ['withdraw', 'abandon']) {
  test(`deadlines run again once a question is closed without an answer (${how})`, async () => {
    const { transport, received } = supervised(0);
    await transport.start();
    await transport.send({ jsonrpc: '2.0', id: 1, method: how });
    await sleep(50);
    expect(received.filter((m) => 'id' in m && m.id === 1)).toEqual([{ jsonrpc: '2.0', id: 1, result: {} }]);
    await transport.send({ jsonrpc: '2.0', id: 2, method: 'hang' });
    await sleep(400); // twice the deadline
    expect(received.at(-1)).toEqual(expect.objectContaining({ id: 2, error: expect.objectContaining({ code: -32001 }) }));
    await transport.close();
  });
}

test('no deadline runs while the component holds a call between input_required rounds, and the retry ends the hold', async () => {
  const { transport, received } = supervised(0);
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'round' });
  await sleep(20);
  // Queued behind the held call in a real component: it must not cost the worker its life.
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'hang' });
  await sleep(300);
  expect(received.map((m) => ('id' in m ? m.id : undefined))).toEqual([1]);
  // The retry releases the hold: from now on deadlines run again, and the request left waiting times out.
  await transport.send({ jsonrpc: '2.0', id: 3, method: 'hang', params: { requestState: 'held-1' } });
  await sleep(300);
  expect(received.filter((m) => 'error' in m).map((m) => ('id' in m ? m.id : undefined))).toEqual([2]);
  await transport.close();
});
