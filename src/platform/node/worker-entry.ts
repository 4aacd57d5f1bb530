/** The worker_threads entry: one component per worker (spawn.ts starts it). */
import { parentPort } from 'node:worker_threads';
import { serveInWorker } from '../../worker/serve.js';
import { nodePlatform } from './platform.js';
import { enableWasmFeatures } from './wasm-features.js';

if (!parentPort) throw new Error('worker-entry.js runs only as a worker_threads Worker');
const port = parentPort;
enableWasmFeatures();
serveInWorker(
  {
    post: (message) => port.postMessage(message),
    once: (listener) => port.once('message', listener),
  },
  nodePlatform,
);
