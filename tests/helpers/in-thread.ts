/**
 * The browser spawner's contract (src/session/server-session.ts `Spawner`), with the worker's
 * real code (serveInWorker) run in this thread instead of a Worker, driven by the same control
 * client the page uses: session tests in Node.
 */
import { MessageChannel } from 'node:worker_threads';
import { nodePlatform } from '../../src/platform/node/platform.js';
import type { Spawner } from '../../src/session/server-session.js';
import type { PortLike } from '../../src/transport/message-port.js';
import { startControlledWorker, type ControlledWorker } from '../../src/worker/control-client.js';
import { serveInWorker } from '../../src/worker/serve.js';

export const inThread: Spawner = (bytes, events, { grants, limits }) => {
  const channel = new MessageChannel();
  return startControlledWorker({
    worker: inThreadWorker(),
    channel: { local: channel.port1 as unknown as PortLike, remote: channel.port2 as unknown as MessagePort },
    bytes,
    loadTimeoutMs: 60_000,
    listener: events,
    ...(grants ? { grants } : {}),
    ...(limits ? { limits } : {}),
  });
};

/** serveInWorker behind the ControlledWorker interface; nothing can stop code in this thread, so terminate does nothing. */
function inThreadWorker(): ControlledWorker {
  let next: ((data: unknown) => void) | undefined;
  return {
    post: (message) => {
      const listener = next!;
      next = undefined;
      listener(message);
    },
    listen: (listener) =>
      serveInWorker(
        {
          post: (message) => listener.message(message),
          once: (l) => (next = l),
        },
        nodePlatform,
      ),
    terminate: () => {},
  };
}
