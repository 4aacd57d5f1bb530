/** The worker_threads entry: one component per worker (spawn.ts starts it). */
import { parentPort, workerData } from 'node:worker_threads';
import { serveInWorker } from '../../worker/serve.js';
import { nodePlatform } from './platform.js';
import { WorkerDataSchema } from './worker-data.js';

if (!parentPort) throw new Error('worker-entry.js runs only as a worker_threads Worker');
const port = parentPort;
// Bad settings are a bug in spawn.ts: fail loudly (the worker's error event reaches the parent).
const { cacheDir, dirs } = WorkerDataSchema.parse(workerData ?? {});
serveInWorker(
  {
    post: (message) => port.postMessage(message),
    once: (listener) => port.once('message', listener),
  },
  () => nodePlatform({ ...(cacheDir === undefined ? {} : { cacheDir }), ...(dirs === undefined ? {} : { dirs }) }),
);
