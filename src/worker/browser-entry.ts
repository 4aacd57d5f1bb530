/**
 * The module Worker that hosts one component in the browser. The
 * page posts one `load` message (bytes transferred, plus the MessagePort that
 * will carry JSON-RPC); everything else is `serveInWorker`'s job.
 */
import { browserPlatform } from '../platform/browser/platform.js';
import { serveInWorker } from './serve.js';
import { warmUp } from './warm-up.js';

/** The parts of DedicatedWorkerGlobalScope used here (the DOM lib has no worker scope). */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void, options?: { once: boolean }): void;
}

const scope = globalThis as unknown as WorkerScope;

serveInWorker(
  {
    post: (message) => scope.postMessage(message),
    once: (listener) => scope.addEventListener('message', (event) => listener(event.data), { once: true }),
  },
  browserPlatform,
);

// A worker is started before it is needed (idle-worker.ts): meanwhile, the SDK gets its first
// exchange over with. A failure there costs only the time it would have saved.
warmUp().catch(() => {});
