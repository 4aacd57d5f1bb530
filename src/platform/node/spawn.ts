/**
 * Starts one component in a worker_threads Worker and hands back the link a
 * SupervisedTransport needs. Two channels (CONVENTIONS.md): the worker's own
 * channel carries the validated control protocol (src/worker/protocol.ts,
 * driven by src/worker/control-client.ts), a dedicated MessageChannel carries
 * JSON-RPC only. Each worker gets its own copy of the bytes, transferred: the
 * shim's state is module-global, so one component per worker keeps instances
 * from seeing each other.
 */
import { MessageChannel, Worker, type TransferListItem } from 'node:worker_threads';
import { describeError } from '../../host/errors.js';
import type { Denial, ErrorReport, LoadStage, OutputStreamName } from '../../host/index.js';
import type { PortLike } from '../../transport/message-port.js';
import { startControlledWorker, type ControlledLink, type ControlledWorker } from '../../worker/control-client.js';
import type { Grants, Limits } from '../../worker/protocol.js';
import type { HostDir } from './host-filesystem.js';
import type { WorkerData } from './worker-data.js';

export { WorkerError } from '../../worker/control-client.js';

const ENTRY = new URL('./worker-entry.js', import.meta.url);

export interface SpawnOptions {
  bytes: Uint8Array;
  grants?: Grants;
  limits?: Limits;
  /** Where the worker keeps transpiled components across runs (none: it transpiles every time). */
  cacheDir?: string;
  /** Host directories the component sees, writes included (`--dir`). */
  hostDirs?: HostDir[];
  /** Transpile + instantiate + run must finish within this (a `run` that never returns is stopped). */
  loadTimeoutMs: number;
  onStage?: (stage: LoadStage, ms: number) => void;
  /** The component's WASI stdout and stderr. */
  onOutput?: (stream: OutputStreamName, text: string) => void;
  /** Whatever the worker's JS console prints: it never reaches the parent's stdout. */
  onConsole?: (stream: OutputStreamName, text: string) => void;
  /** The component asked for a capability it was not granted (the call failed inside it). */
  onDenied?: (denial: Denial) => void;
  /** The port carries Streamable HTTP exchanges for MCP 2026-07-28 instead of one JSON-RPC connection. */
  serve?: 'connection' | 'http';
  /** With `serve: 'http'`: the key that signs input_required rounds' requestState (protocol.ts). */
  stateKey?: Uint8Array<ArrayBuffer>;
}

export type SpawnedWorker = ControlledLink;

export function spawnComponentWorker(options: SpawnOptions): Promise<SpawnedWorker> {
  // stdout/stderr: true keeps the worker's console off process.stdout (the stdio JSON-RPC stream).
  const workerData: WorkerData = {
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    ...(options.hostDirs?.length ? { dirs: options.hostDirs } : {}),
  };
  const worker = new Worker(ENTRY, { stdout: true, stderr: true, workerData });
  forwardConsole(worker, options.onConsole);
  const channel = new MessageChannel();
  return startControlledWorker({
    worker: controlled(worker),
    // Node's MessagePort is an EventTarget whose 'message' events carry .data, as PortLike wants;
    // the schema types the remote end as a DOM MessagePort, which is the same thing for structured clone.
    channel: { local: channel.port1 as unknown as PortLike, remote: channel.port2 as unknown as MessagePort },
    bytes: options.bytes,
    loadTimeoutMs: options.loadTimeoutMs,
    ...(options.grants ? { grants: options.grants } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.serve ? { serve: options.serve } : {}),
    ...(options.stateKey ? { stateKey: options.stateKey } : {}),
    listener: {
      onStage: (m) => options.onStage?.(m.stage, m.ms),
      onOutput: (m) => options.onOutput?.(m.stream, m.text),
      onDenied: (m) => options.onDenied?.({ capability: m.capability, detail: m.detail }),
    },
  });
}

function controlled(worker: Worker): ControlledWorker {
  return {
    post: (message, transfer) => worker.postMessage(message, transfer as unknown as TransferListItem[]),
    listen: (listener) => {
      worker.on('message', listener.message);
      worker.on('error', (e) => listener.failure(crashReason(e)));
      worker.on('exit', (code) => listener.failure({ code: 'WORKER_CRASHED', message: `the component's worker exited with code ${code}` }));
    },
    terminate: () => void worker.terminate(),
  };
}

function crashReason(e: unknown): ErrorReport {
  const outOfMemory = typeof e === 'object' && e !== null && 'code' in e && e.code === 'ERR_WORKER_OUT_OF_MEMORY';
  if (outOfMemory) return { code: 'MEMORY_LIMIT', message: `the component's worker ran out of memory: ${describeError(e)}` };
  return { code: 'WORKER_CRASHED', message: `the component's worker crashed: ${describeError(e)}` };
}

function forwardConsole(worker: Worker, onConsole: SpawnOptions['onConsole']): void {
  for (const stream of ['stdout', 'stderr'] as const) {
    const readable = worker[stream];
    readable.setEncoding('utf8');
    readable.on('data', (text: string) => onConsole?.(stream, text));
  }
}
