/**
 * The page side of the two kinds of worker the benchmark talks to. The
 * component worker is the app's (src/worker/browser-entry.ts) started the way
 * src/platform/browser/spawn.ts starts it, but keeping hold of the Worker so
 * the page can ask it for `stats` (linear memory) on the control channel.
 */
import type { PortLike } from '../../src/transport/message-port.js';
import type { WorkerLink } from '../../src/transport/supervised.js';
import { FromWorkerSchema, type FromWorker, type ToWorker } from '../../src/worker/protocol.js';

export type Stage = Extract<FromWorker, { type: 'stage' }>['stage'];
type Ready = Extract<FromWorker, { type: 'ready' }>;
type Stats = Extract<FromWorker, { type: 'stats' }>;

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

/**
 * Starts the app's component worker on `bytes` (copied, the copy transferred); resolves at `ready`.
 * With `prespawnMs` the worker is started that long before the clock and the `load` message
 * (--experiments: what a page that keeps one idle worker ready would see).
 */
export async function spawnComponent(bytes: Uint8Array, label: string, prespawnMs = 0): Promise<BenchLink> {
  const name = `bench ${label} #${++serial}`;
  const worker = new Worker(new URL('../../src/worker/browser-entry.ts', import.meta.url), { type: 'module', name });
  if (prespawnMs > 0) await new Promise((r) => setTimeout(r, prespawnMs));
  const started = performance.now();
  const channel = new MessageChannel();
  const stages: BenchLink['stages'] = {};
  const arrivals: BenchLink['arrivals'] = {};
  const statsWaiters: ((s: Stats) => void)[] = [];
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent) => {
      const message = FromWorkerSchema.parse(event.data);
      switch (message.type) {
        case 'stage':
          stages[message.stage] = message.ms;
          arrivals[message.stage] = performance.now() - started;
          break;
        case 'ready':
          resolve(link(message, performance.now() - started));
          break;
        case 'stats':
          statsWaiters.shift()?.(message);
          break;
        case 'error':
          worker.terminate();
          reject(new Error(`${label}: ${message.error.code}: ${message.error.message}`));
          break;
        case 'output':
          break;
      }
    });
    worker.addEventListener('error', (event) => reject(new Error(`${label}: the worker stopped: ${event.message}`)));
    const link = (ready: Ready, readyMs: number): BenchLink => ({
      name,
      port: channel.port1,
      terminate: () => worker.terminate(),
      readyMs,
      stages,
      arrivals,
      cached: ready.cached,
      memoryBytes: () =>
        new Promise<number | undefined>((done) => {
          statsWaiters.push((s) => done(s.memoryBytes));
          worker.postMessage({ type: 'stats' } satisfies ToWorker);
        }),
    });
    const copy = bytes.slice().buffer;
    const load: ToWorker = { type: 'load', bytes: copy, port: channel.port2 };
    worker.postMessage(load, [copy, channel.port2]);
  });
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
