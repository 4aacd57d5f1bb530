/**
 * Starts one component in a worker_threads Worker and hands back the link a
 * SupervisedTransport needs. Two channels (CONVENTIONS.md): the worker's own
 * channel carries the validated control protocol (src/worker/protocol.ts), a
 * dedicated MessageChannel carries JSON-RPC only. Each worker gets its own
 * copy of the bytes, transferred: the shim's state is module-global, so one
 * component per worker keeps instances from seeing each other.
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import { describeError, type Denial, type ErrorCode, type ErrorReport, type HostTimings, type LoadStage, type OutputStreamName, type World } from '../../host/index.js';
import type { PortLike } from '../../transport/message-port.js';
import type { WorkerLink } from '../../transport/supervised.js';
import { FromWorkerSchema, type FromWorker, type Grants, type Limits, type ToWorker } from '../../worker/protocol.js';
import type { HostDir } from './host-filesystem.js';
import type { WorkerData } from './worker-data.js';

const ENTRY = new URL('./worker-entry.js', import.meta.url);

/** A failure to start or keep a worker, with a host error code (WRONG_WORLD, TIMED_OUT, WORKER_CRASHED, ...). */
export class WorkerError extends Error implements ErrorReport {
  override name = 'WorkerError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

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

export interface SpawnedWorker extends WorkerLink {
  world: World;
  timings: HostTimings;
}

type State = 'loading' | 'ready' | 'over';

export function spawnComponentWorker(options: SpawnOptions): Promise<SpawnedWorker> {
  return new Promise((resolve, reject) => {
    // stdout/stderr: true keeps the worker's console off process.stdout (the stdio JSON-RPC stream).
    const workerData: WorkerData = {
      ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
      ...(options.hostDirs?.length ? { dirs: options.hostDirs } : {}),
    };
    const worker = new Worker(ENTRY, { stdout: true, stderr: true, workerData });
    const channel = new MessageChannel();
    let state: State = 'loading';
    let link: SpawnedWorker | undefined;

    const stop = (): void => {
      state = 'over';
      clearTimeout(timer);
      void worker.terminate();
      channel.port1.close();
    };
    /** The worker failed: before 'ready' that rejects the spawn, afterwards it is an unexpected exit. */
    const fail = (error: ErrorReport): void => {
      if (state === 'over') return;
      const wasLoading = state === 'loading';
      stop();
      if (wasLoading) reject(new WorkerError(error.code, error.message, error.data));
      else link?.onexit?.(error);
    };
    const timer = setTimeout(
      () => fail({ code: 'TIMED_OUT', message: `the component did not finish loading within ${options.loadTimeoutMs} ms` }),
      options.loadTimeoutMs,
    );

    const onControl = (m: FromWorker): void => {
      switch (m.type) {
        case 'stage':
          options.onStage?.(m.stage, m.ms);
          return;
        case 'output':
          options.onOutput?.(m.stream, m.text);
          return;
        case 'error':
          fail(m.error);
          return;
        case 'denied':
          options.onDenied?.({ capability: m.capability, detail: m.detail });
          return;
        case 'held':
          link?.onheld?.(m.calls);
          return;
        case 'ready':
          if (state !== 'loading') return;
          state = 'ready';
          clearTimeout(timer);
          link = {
            // Node's MessagePort is an EventTarget whose 'message' events carry .data, as PortLike wants.
            port: channel.port1 as unknown as PortLike,
            world: m.world,
            timings: m.timings,
            terminate: () => {
              if (state !== 'over') stop();
            },
          };
          resolve(link);
          return;
      }
    };

    forwardConsole(worker, options.onConsole);
    worker.on('message', (data: unknown) => {
      const parsed = FromWorkerSchema.safeParse(data);
      if (parsed.success) onControl(parsed.data);
      else fail({ code: 'WORKER_CRASHED', message: `the worker sent an invalid control message: ${parsed.error.message}` });
    });
    worker.on('error', (e) => fail(crashReason(e)));
    worker.on('exit', (code) => fail({ code: 'WORKER_CRASHED', message: `the component's worker exited with code ${code}` }));

    const bytes = options.bytes.slice().buffer;
    // The schema types the port as a DOM MessagePort; Node's is the same thing for structured clone.
    const port = channel.port2 as unknown as globalThis.MessagePort;
    const load: ToWorker = {
      type: 'load',
      bytes,
      port,
      ...(options.grants ? { grants: options.grants } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.serve ? { serve: options.serve } : {}),
      ...(options.stateKey ? { stateKey: options.stateKey } : {}),
    };
    worker.postMessage(load, [bytes, channel.port2]);
  });
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
