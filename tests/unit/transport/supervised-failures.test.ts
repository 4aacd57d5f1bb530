/** The supervisor's ends: a request that could not be sent is forgotten, a crash fails what ran, and giving up answers everyone. */
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import { expect, test } from 'vitest';
import type { PortLike } from '../../../src/transport/message-port.js';
import { SupervisedTransport, type SupervisorEvent } from '../../../src/transport/supervised.js';
import { ManualClock, settle } from '../../helpers/manual-clock.js';
import { scriptedWorker, type ScriptedWorker } from '../../helpers/scripted-worker.js';

const errorCodes = (received: JSONRPCMessage[]) =>
  received.map((m) => ('error' in m ? [m.id, (m.error.data as { code?: string } | undefined)?.code] : ['result', 'id' in m ? m.id : undefined]));

test('a request whose send throws has no deadline left to fire: no timeout answer, no restart', async () => {
  const gone: PortLike = {
    postMessage: () => {
      throw new Error('the port is gone');
    },
    addEventListener: () => {},
    removeEventListener: () => {},
    close: () => {},
  };
  const clock = new ManualClock();
  const events: SupervisorEvent['type'][] = [];
  const received: JSONRPCMessage[] = [];
  const transport = new SupervisedTransport({
    timeoutMs: 100,
    clock,
    spawn: async () => ({ port: gone, terminate: () => {} }),
    onEvent: (e) => events.push(e.type),
  });
  transport.onmessage = (m) => received.push(m);
  await transport.start();
  await expect(transport.send({ jsonrpc: '2.0', id: 1, method: 'ping' })).rejects.toThrow('the port is gone');
  await clock.advance(1_000);
  expect({ events, received, timers: clock.pending }).toEqual({ events: [], received: [], timers: 0 });
  await transport.close();
});

test('when it gives up, every request still waiting is answered with CRASH_LOOP', async () => {
  const clock = new ManualClock();
  const received: JSONRPCMessage[] = [];
  const transport = new SupervisedTransport({ timeoutMs: 100, maxRestarts: 0, clock, spawn: async () => scriptedWorker(() => {}).link });
  transport.onmessage = (m) => received.push(m);
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'hang' });
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'hang' });
  await clock.advance(100);
  expect(errorCodes(received)).toEqual([
    [1, 'TIMED_OUT'],
    [2, 'CRASH_LOOP'],
  ]);
  await expect(transport.send({ jsonrpc: '2.0', id: 3, method: 'ping' })).rejects.toThrow('closed');
});

test('after a crash every request the old worker had fails (nobody knows which one ran); later ones go to the new worker', async () => {
  const clock = new ManualClock();
  const workers: ScriptedWorker[] = [];
  const events: SupervisorEvent['type'][] = [];
  const received: JSONRPCMessage[] = [];
  const transport = new SupervisedTransport({
    timeoutMs: 100,
    clock,
    spawn: async () => {
      const worker = scriptedWorker((m, w) => {
        if (m.id !== undefined && m.method === 'ping') w.answer(m.id);
      });
      workers.push(worker);
      return worker.link;
    },
    onEvent: (e) => events.push(e.type),
  });
  transport.onmessage = (m) => received.push(m);
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'tools/call' });
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/call' });
  await settle();
  workers[0].link.onexit?.({ code: 'MEMORY_LIMIT', message: 'out of memory' });
  await settle();
  await transport.send({ jsonrpc: '2.0', id: 3, method: 'ping' });
  await settle();
  expect(errorCodes(received)).toEqual([
    [1, 'MEMORY_LIMIT'],
    [2, 'MEMORY_LIMIT'],
    ['result', 3],
  ]);
  expect(events).toEqual(['restarting', 'restarted']);
  expect(workers[1].seen.map((m) => m.id)).toEqual([3]);
  // A late report from the replaced worker changes nothing.
  workers[0].link.onexit?.({ code: 'WORKER_CRASHED', message: 'late' });
  await clock.advance(1_000);
  expect(events).toEqual(['restarting', 'restarted']);
  await transport.close();
});

test('failures in a row past the limit give up; a good answer between them starts the count again', async () => {
  const clock = new ManualClock();
  const events: SupervisorEvent['type'][] = [];
  const received: JSONRPCMessage[] = [];
  const transport = new SupervisedTransport({
    timeoutMs: 100,
    maxRestarts: 1,
    clock,
    spawn: async () => scriptedWorker((m, w) => (m.id !== undefined && m.method === 'ping' ? w.answer(m.id) : undefined)).link,
    onEvent: (e) => events.push(e.type),
  });
  transport.onmessage = (m) => received.push(m);
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'hang' });
  await clock.advance(100);
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'ping' });
  await transport.send({ jsonrpc: '2.0', id: 3, method: 'hang' });
  await clock.advance(100);
  expect(events).toEqual(['restarting', 'restarted', 'restarting', 'restarted']);
  await transport.send({ jsonrpc: '2.0', id: 4, method: 'hang' });
  await clock.advance(100);
  expect(events.at(-1)).toBe('gave-up');
  expect(errorCodes(received)).toEqual([
    [1, 'TIMED_OUT'],
    ['result', 2],
    [3, 'TIMED_OUT'],
    [4, 'TIMED_OUT'],
  ]);
});
