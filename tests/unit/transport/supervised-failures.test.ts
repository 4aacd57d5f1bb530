/** The supervisor's ends: a request that could not be sent is forgotten, and giving up answers everyone. */
import { MessageChannel } from 'node:worker_threads';
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import { expect, test } from 'vitest';
import type { PortLike } from '../../../src/transport/message-port.js';
import { SupervisedTransport, type SupervisorEvent, type WorkerLink } from '../../../src/transport/supervised.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a request whose send throws has no deadline left to fire: no timeout answer, no restart', async () => {
  const gone: PortLike = {
    postMessage: () => {
      throw new Error('the port is gone');
    },
    addEventListener: () => {},
    removeEventListener: () => {},
    close: () => {},
  };
  const events: SupervisorEvent['type'][] = [];
  const received: JSONRPCMessage[] = [];
  const transport = new SupervisedTransport({
    timeoutMs: 100,
    spawn: async () => ({ port: gone, terminate: () => {} }),
    onEvent: (e) => events.push(e.type),
  });
  transport.onmessage = (m) => received.push(m);
  await transport.start();
  await expect(transport.send({ jsonrpc: '2.0', id: 1, method: 'ping' })).rejects.toThrow('the port is gone');
  await sleep(250);
  expect({ events, received }).toEqual({ events: [], received: [] });
  await transport.close();
});

/** A worker that never answers `hang`. */
function silentWorker(): WorkerLink {
  const { port1, port2 } = new MessageChannel();
  port2.on('message', () => {});
  return { port: port1 as unknown as PortLike, terminate: () => port2.close() };
}

test('when it gives up, every request still waiting is answered with CRASH_LOOP', async () => {
  const received: JSONRPCMessage[] = [];
  const transport = new SupervisedTransport({ timeoutMs: 100, maxRestarts: 0, spawn: async () => silentWorker() });
  transport.onmessage = (m) => received.push(m);
  await transport.start();
  await transport.send({ jsonrpc: '2.0', id: 1, method: 'hang' });
  await transport.send({ jsonrpc: '2.0', id: 2, method: 'hang' });
  await sleep(300);
  const answers = received.map((m) => ('error' in m ? [m.id, (m.error.data as { code?: string } | undefined)?.code] : ['result']));
  expect(answers).toEqual([
    [1, 'TIMED_OUT'],
    [2, 'CRASH_LOOP'],
  ]);
});
