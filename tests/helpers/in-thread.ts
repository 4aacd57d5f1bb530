/**
 * The browser spawner's contract (src/session/server-session.ts `Spawner`), with the worker's
 * real code (serveInWorker) run in this thread instead of a Worker: session tests in Node.
 */
import { MessageChannel } from 'node:worker_threads';
import { nodePlatform } from '../../src/platform/node/platform.js';
import type { ComponentLink, Spawner } from '../../src/session/server-session.js';
import type { PortLike } from '../../src/transport/message-port.js';
import type { FromWorker, ToWorker } from '../../src/worker/protocol.js';
import { serveInWorker } from '../../src/worker/serve.js';

type Stats = Extract<FromWorker, { type: 'stats' }>;

export const inThread: Spawner = (bytes, events, { grants, limits }) =>
  new Promise<ComponentLink>((resolve, reject) => {
    const channel = new MessageChannel();
    let next: ((data: unknown) => void) | undefined;
    const send = (message: ToWorker) => {
      const listener = next!;
      next = undefined;
      listener(message);
    };
    const statsWaiters: ((s: Stats) => void)[] = [];
    serveInWorker(
      {
        post: (m) => {
          if (m.type === 'stage') events.onStage?.(m);
          else if (m.type === 'output') events.onOutput?.(m);
          else if (m.type === 'denied') events.onDenied?.(m);
          else if (m.type === 'stats') statsWaiters.shift()?.(m);
          else if (m.type === 'error') reject(m.error);
          else if (m.type === 'ready') {
            events.onReady?.(m);
            resolve({
              port: channel.port1 as unknown as PortLike,
              terminate: () => channel.port1.close(),
              stats: () => new Promise<Stats>((done) => (statsWaiters.push(done), send({ type: 'stats' }))),
            });
          }
        },
        once: (listener) => (next = listener),
      },
      nodePlatform,
    );
    send({ type: 'load', bytes: bytes.slice().buffer, port: channel.port2 as unknown as MessagePort, grants, limits });
  });
