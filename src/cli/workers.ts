/**
 * Component workers as the CLI starts them: grants and limits from the
 * flags, the transpile cache, the component's output and its denied
 * requests on stderr with a label, and for HTTP one warm spare so a new
 * session does not wait for a load.
 */
import { defaultCacheDir } from '../platform/node/cache.js';
import type { Denial } from '../host/index.js';
import { spawnComponentWorker, type SpawnedWorker } from '../platform/node/spawn.js';
import { componentOutput, note } from './diagnostics.js';
import type { Sandbox } from './sandbox.js';

/** A component's run() gets this long to register and return, whatever --timeout says about calls. */
const LOAD_TIMEOUT_MS = 60_000;

export interface WorkerFactoryOptions {
  bytes: Uint8Array;
  sandbox: Sandbox;
  timeoutMs: number;
  /** Use the transpile cache in defaultCacheDir() (false: --no-cache). */
  cache: boolean;
  /** What the worker's port carries (spawn.ts): one JSON-RPC connection by default. */
  serve?: 'connection' | 'http';
  /** With `serve: 'http'`: the key that signs input_required rounds' requestState (--state-key-file). */
  stateKey?: Uint8Array<ArrayBuffer>;
}

/** Starts one worker; `label` names it in the prefixed output lines and may change later. */
export type Spawn = (label: { current: string }) => Promise<SpawnedWorker>;

export function workerFactory(options: WorkerFactoryOptions): Spawn {
  const cacheDir = options.cache ? defaultCacheDir() : undefined;
  return (label) =>
    spawnComponentWorker({
      bytes: options.bytes,
      grants: options.sandbox.grants,
      limits: options.sandbox.limits,
      hostDirs: options.sandbox.hostDirs,
      ...(cacheDir === undefined ? {} : { cacheDir }),
      loadTimeoutMs: Math.max(LOAD_TIMEOUT_MS, options.timeoutMs),
      onOutput: componentOutput(() => label.current),
      onConsole: componentOutput(() => `${label.current} console`),
      onDenied: (denial) => note(`${label.current}: ${deniedLine(denial)}`),
      ...(options.serve ? { serve: options.serve } : {}),
      ...(options.stateKey ? { stateKey: options.stateKey } : {}),
    });
}

/**
 * Starts a worker at once and hands it to the first caller; each later call
 * starts a fresh one (a restart). Until it is taken, a failed load is held
 * for the taker, not reported as an unhandled rejection.
 */
export function startingNow(spawn: Spawn): () => Promise<SpawnedWorker> {
  let early: Promise<SpawnedWorker> | undefined = spawn({ current: 'component' });
  early.catch(() => {});
  return () => {
    const worker = early ?? spawn({ current: 'component' });
    early = undefined;
    return worker;
  };
}

/** One line per denied request, saying which flag would grant it. */
function deniedLine(denial: Denial): string {
  switch (denial.capability) {
    case 'http':
      return `denied an HTTP request to ${denial.detail} (grant it with --allow-http ${denial.detail})`;
  }
}

interface Spare {
  label: { current: string };
  worker: Promise<SpawnedWorker>;
  dead: boolean;
}

/**
 * Keeps one loaded worker ready. take() hands it out and starts the next,
 * so sessions and restarts get a worker at once (a QuickJS component takes
 * about a second to load, a SpiderMonkey one two to three).
 */
export class WarmWorkers {
  readonly #spawn: Spawn;
  #spare: Spare | undefined;
  #closed = false;

  constructor(spawn: Spawn) {
    this.#spawn = spawn;
  }

  /** Loads the first spare; rejects with the load error, so a bad file fails before we listen. */
  async prime(): Promise<SpawnedWorker> {
    return (this.#spare ??= this.#start()).worker;
  }

  async take(label: string): Promise<SpawnedWorker> {
    if (this.#closed) throw new Error('shutting down');
    const spare = this.#spare;
    this.#spare = this.#start();
    if (spare && !spare.dead) {
      try {
        const worker = await spare.worker;
        if (!spare.dead) {
          spare.label.current = label;
          return worker;
        }
      } catch {
        // The spare failed to load; the caller gets a fresh attempt and its error.
      }
    }
    return this.#spawn({ current: label });
  }

  close(): void {
    this.#closed = true;
    const spare = this.#spare;
    this.#spare = undefined;
    spare?.worker.then((w) => w.terminate(), () => {});
  }

  #start(): Spare {
    const label = { current: 'component' };
    const spare: Spare = { label, worker: this.#spawn(label), dead: false };
    spare.worker.then(
      (w) => {
        // Until a session takes it, an exit just retires the spare.
        w.onexit = (reason) => {
          spare.dead = true;
          note(`an idle component worker exited: ${reason.message}`);
        };
        if (this.#closed) w.terminate();
      },
      () => {
        spare.dead = true;
      },
    );
    return spare;
  }
}
