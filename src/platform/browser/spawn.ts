/**
 * The page side of a component Worker: take a module Worker (the
 * one started ahead of need, see idle-worker.ts), hand it a copy of the
 * component bytes (transferred; the caller keeps the original for restarts)
 * and one end of a MessageChannel, and report what the control channel says.
 * Resolves with a WorkerLink once the component serves MCP.
 */
import type { ErrorReport } from '../../host/errors.js';
import type { WorkerLink } from '../../transport/supervised.js';
import { FromWorkerSchema, type FromWorker, type Grants, type Limits, type ToWorker } from '../../worker/protocol.js';
import { IdleWorker } from './idle-worker.js';

export type ReadyMessage = Extract<FromWorker, { type: 'ready' }>;
export type StageMessage = Extract<FromWorker, { type: 'stage' }>;
export type OutputMessage = Extract<FromWorker, { type: 'output' }>;
export type DeniedMessage = Extract<FromWorker, { type: 'denied' }>;
export type StatsMessage = Extract<FromWorker, { type: 'stats' }>;

/** A worker link that can also be asked for the component's memory use. */
export interface BrowserWorkerLink extends WorkerLink {
  /** Undefined when the worker is gone before it answers. */
  stats(): Promise<StatsMessage | undefined>;
}

export interface SpawnListener {
  onStage?(message: StageMessage): void;
  onOutput?(message: OutputMessage): void;
  onReady?(message: ReadyMessage): void;
  onDenied?(message: DeniedMessage): void;
}

const idle = new IdleWorker(
  () => new Worker(new URL('../../worker/browser-entry.ts', import.meta.url), { type: 'module', name: 'wasi-mcp component' }),
);

/** Starts a component worker ahead of the first load; after that, each load leaves one waiting. */
export function prepareComponentWorker(): void {
  idle.prepare();
}

/** A component whose start (`wasi:cli/run`) takes longer than this is stopped, as the CLI does. */
const LOAD_TIMEOUT_MS = 60_000;

function crashed(message: string): ErrorReport {
  return { code: 'WORKER_CRASHED', message };
}

export function spawnComponentWorker(
  bytes: Uint8Array,
  listener: SpawnListener = {},
  grants?: Grants,
  limits?: Limits,
): Promise<BrowserWorkerLink> {
  return new Promise<BrowserWorkerLink>((resolve, reject) => {
    const worker = idle.take();
    const channel = new MessageChannel();
    let link: BrowserWorkerLink | undefined;
    let settled = false;
    const statsWaiters: ((stats: StatsMessage | undefined) => void)[] = [];
    let terminated = false;
    const terminate = () => {
      terminated = true;
      worker.terminate();
      for (const waiter of statsWaiters.splice(0)) waiter(undefined);
    };

    const loading = setTimeout(
      () => fail({ code: 'TIMED_OUT', message: `the component did not finish loading within ${LOAD_TIMEOUT_MS} ms` }),
      LOAD_TIMEOUT_MS,
    );
    const fail = (error: ErrorReport) => {
      clearTimeout(loading);
      terminate();
      channel.port1.close();
      if (!settled) {
        settled = true;
        reject(error);
        idle.prepare();
      } else {
        link?.onexit?.(error);
      }
    };

    worker.addEventListener('message', (event: MessageEvent) => {
      const parsed = FromWorkerSchema.safeParse(event.data);
      if (!parsed.success) {
        fail(crashed(`the worker sent a malformed control message: ${parsed.error.message}`));
        return;
      }
      const message = parsed.data;
      switch (message.type) {
        case 'stage':
          listener.onStage?.(message);
          break;
        case 'output':
          listener.onOutput?.(message);
          break;
        case 'ready':
          listener.onReady?.(message);
          link = {
            port: channel.port1,
            terminate,
            stats: () =>
              new Promise((done) => {
                if (terminated) return done(undefined);
                statsWaiters.push(done);
                worker.postMessage({ type: 'stats' } satisfies ToWorker);
              }),
          };
          settled = true;
          clearTimeout(loading);
          resolve(link);
          idle.prepare();
          break;
        case 'error':
          fail(message.error);
          break;
        case 'denied':
          listener.onDenied?.(message);
          break;
        case 'stats':
          statsWaiters.shift()?.(message);
          break;
      }
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      fail(crashed(`the component worker stopped: ${event.message || 'it could not start or was killed'}`));
    });
    worker.addEventListener('messageerror', () => fail(crashed('the component worker sent a message that could not be read')));

    const copy = bytes.slice().buffer;
    const load: ToWorker = { type: 'load', bytes: copy, port: channel.port2, ...(grants ? { grants } : {}), ...(limits ? { limits } : {}) };
    worker.postMessage(load, [copy, channel.port2]);
  });
}
