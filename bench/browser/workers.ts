/**
 * The page side of the two kinds of worker the benchmark talks to. The
 * component worker is the app's (src/worker/browser-entry.ts) started the way
 * src/platform/browser/spawn.ts starts it (one waits, started ahead of the
 * load, see src/platform/browser/idle-worker.ts), but named, so the runner
 * finds it over CDP, and kept hold of, so the page can ask it for `stats`.
 */
import { toWireError } from '../../src/host/errors.js';
import { controlledWorker } from '../../src/platform/browser/controlled-worker.js';
import { IdleWorker } from '../../src/platform/browser/idle-worker.js';
import type { PortLike } from '../../src/transport/message-port.js';
import type { WorkerLink } from '../../src/transport/supervised.js';
import { startControlledWorker, type StageMessage } from '../../src/worker/control-client.js';

export type Stage = StageMessage['stage'];

/** As the app allows (src/platform/browser/spawn.ts). */
const LOAD_TIMEOUT_MS = 60_000;

export interface BenchLink extends WorkerLink {
  /** The worker's name: the runner finds its CDP target by it. */
  name: string;
  /** Milliseconds from spawn to `ready`. */
  readyMs: number;
  /** Stage times as the worker reported them. */
  stages: Partial<Record<Stage, number>>;
  /** When each stage message reached the page, in ms after spawn. */
  arrivals: Partial<Record<Stage, number>>;
  cached: boolean | undefined;
  /** The component's linear memory, from a `stats` round trip (undefined for the baseline). */
  memoryBytes(): Promise<number | undefined>;
}

let serial = 0;
const names = new WeakMap<Worker, string>();
let lastStarted = '';

function startComponentWorker(): Worker {
  lastStarted = `bench component #${++serial}`;
  const worker = new Worker(new URL('../../src/worker/browser-entry.ts', import.meta.url), { type: 'module', name: lastStarted });
  names.set(worker, lastStarted);
  return worker;
}

const idle = new IdleWorker(startComponentWorker);

/** Starts the worker the first load takes, as the app does once its page is idle (src/ui/main.tsx). */
export function prepareComponentWorker(): void {
  idle.prepare();
}

/** The name of the worker the next spawnComponent takes (the profiler attaches to it by name). */
export function nextComponentWorker(): string {
  idle.prepare();
  return lastStarted;
}

/**
 * Loads `bytes` (copied, the copy transferred) in the app's component worker, through the app's
 * control client: the one waiting, as the app does, or with `fresh` one started when the clock
 * starts (--experiments: loads as they were before workers were started ahead). Resolves at
 * `ready`; the clock starts here.
 */
export async function spawnComponent(bytes: Uint8Array, label: string, fresh = false): Promise<BenchLink> {
  const started = performance.now();
  const worker = fresh ? startComponentWorker() : idle.take();
  const name = names.get(worker)!;
  const channel = new MessageChannel();
  const stages: BenchLink['stages'] = {};
  const arrivals: BenchLink['arrivals'] = {};
  let readyMs = 0;
  let cached: boolean | undefined;
  const loading = startControlledWorker({
    worker: controlledWorker(worker),
    channel: { local: channel.port1, remote: channel.port2 },
    bytes,
    loadTimeoutMs: LOAD_TIMEOUT_MS,
    listener: {
      onStage: (message) => {
        stages[message.stage] = message.ms;
        arrivals[message.stage] = performance.now() - started;
      },
      onReady: (message) => {
        readyMs = performance.now() - started;
        cached = message.cached;
      },
    },
  });
  try {
    const link = await loading;
    return Object.assign(link, { name, readyMs, stages, arrivals, cached, memoryBytes: async () => (await link.stats())?.memoryBytes });
  } catch (e) {
    const { code, message } = toWireError(e);
    throw new Error(`${label}: ${code}: ${message}`);
  } finally {
    if (!fresh) idle.prepare();
  }
}

/** Starts the JS baseline (baseline-worker.ts); resolves when its Server listens on the port. */
export function spawnBaseline(): Promise<BenchLink> {
  const name = `bench baseline #${++serial}`;
  const started = performance.now();
  const worker = new Worker(new URL('./baseline-worker.ts', import.meta.url), { type: 'module', name });
  const channel = new MessageChannel();
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', () =>
      resolve({
        name,
        port: channel.port1 as PortLike,
        terminate: () => worker.terminate(),
        readyMs: performance.now() - started,
        stages: {},
        arrivals: {},
        cached: undefined,
        memoryBytes: async () => undefined,
      }),
    );
    worker.addEventListener('error', (event) => reject(new Error(`baseline: the worker stopped: ${event.message}`)));
    worker.postMessage({ port: channel.port2 }, [channel.port2]);
  });
}
