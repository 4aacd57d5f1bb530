/**
 * The main-thread end of the control channel (protocol.ts), the same in the
 * page and in Node: send `load`, report what the worker says while it loads,
 * and resolve with a WorkerLink at `ready`. Each platform's spawn.ts adapts
 * its own Worker to ControlledWorker and makes the JSON-RPC channel; nothing
 * here touches the DOM or Node.
 *
 * A worker is loading, then ready, then over. A failure while loading (an
 * `error` message, the worker's own error or exit, a malformed message, the
 * load timeout) rejects the start; once ready it is reported once, through
 * the link's `onexit`. Over is final: the worker is terminated, the JSON-RPC
 * port closed, `stats` waiters get undefined and later messages are ignored.
 */
import { describeError } from '../host/errors.js';
import type { ErrorReport, HostTimings, World } from '../host/index.js';
import { systemClock, type Clock } from '../transport/clock.js';
import type { PortLike } from '../transport/message-port.js';
import type { WorkerLink } from '../transport/supervised.js';
import { FromWorkerSchema, type FromWorker, type Grants, type Limits, type ToWorker } from './protocol.js';

export type ReadyMessage = Extract<FromWorker, { type: 'ready' }>;
export type StageMessage = Extract<FromWorker, { type: 'stage' }>;
export type OutputMessage = Extract<FromWorker, { type: 'output' }>;
export type DeniedMessage = Extract<FromWorker, { type: 'denied' }>;
export type StatsMessage = Extract<FromWorker, { type: 'stats' }>;

/** What the control client needs of a worker; spawn.ts makes one from the platform's Worker. */
export interface ControlledWorker {
  /** Posts on the worker's own channel, moving the objects in `transfer` to it. */
  post(message: ToWorker, transfer: Transferable[]): void;
  /** Called once, before the first post: every message from the worker, and every way it fails on its own. */
  listen(listener: WorkerListener): void;
  /** Stops the worker at once; called once. */
  terminate(): void;
}

export interface WorkerListener {
  /** A message on the worker's own channel, not yet validated. */
  message(data: unknown): void;
  /** The worker threw, exited, was killed or sent something that could not be read. */
  failure(error: ErrorReport): void;
}

/** A failure to start or keep a worker, with a host error code (WRONG_WORLD, TIMED_OUT, WORKER_CRASHED, ...). */
export class WorkerError extends Error implements ErrorReport {
  override name = 'WorkerError';
  constructor(
    readonly code: ErrorReport['code'],
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

/** What the worker reports while it loads (and, for output and denials, afterwards). */
export interface ControlListener {
  onStage?(message: StageMessage): void;
  onOutput?(message: OutputMessage): void;
  onReady?(message: ReadyMessage): void;
  onDenied?(message: DeniedMessage): void;
}

export interface ControlOptions {
  worker: ControlledWorker;
  /**
   * The JSON-RPC channel: `local` becomes the link's port (and is closed when
   * the worker is over), `remote` goes to the worker with `load`.
   */
  channel: { local: PortLike; remote: MessagePort };
  /** Copied; the copy is transferred, so the caller keeps its bytes for restarts. */
  bytes: Uint8Array;
  grants?: Grants;
  limits?: Limits;
  /** What the port carries (protocol.ts): one JSON-RPC connection by default. */
  serve?: 'connection' | 'http';
  /** With `serve: 'http'`: the key that signs input_required rounds' requestState (protocol.ts). */
  stateKey?: Uint8Array<ArrayBuffer>;
  /** Transpile + instantiate + run must finish within this. */
  loadTimeoutMs: number;
  listener?: ControlListener;
  clock?: Clock;
}

/** A loaded component's worker. */
export interface ControlledLink extends WorkerLink {
  world: World;
  timings: HostTimings;
  /** The component's memory use; undefined when the worker is gone before it answers. */
  stats(): Promise<StatsMessage | undefined>;
}

type State = 'loading' | 'ready' | 'over';

export function startControlledWorker(options: ControlOptions): Promise<ControlledLink> {
  const { worker, channel, listener = {}, clock = systemClock } = options;
  return new Promise((resolve, reject) => {
    let state: State = 'loading';
    let link: ControlledLink | undefined;
    const statsWaiters: ((stats: StatsMessage | undefined) => void)[] = [];

    const end = (): void => {
      state = 'over';
      clock.clearTimeout(timer);
      worker.terminate();
      channel.local.close();
      for (const waiter of statsWaiters.splice(0)) waiter(undefined);
    };
    const fail = (error: ErrorReport): void => {
      if (state === 'over') return;
      const wasLoading = state === 'loading';
      end();
      if (wasLoading) reject(new WorkerError(error.code, error.message, error.data));
      else link?.onexit?.(error);
    };
    const timer = clock.setTimeout(
      () => fail({ code: 'TIMED_OUT', message: `the component did not finish loading within ${options.loadTimeoutMs} ms` }),
      options.loadTimeoutMs,
    );

    const ready = (message: ReadyMessage): void => {
      if (state !== 'loading') {
        fail(crashed('the worker said it was ready a second time'));
        return;
      }
      state = 'ready';
      clock.clearTimeout(timer);
      listener.onReady?.(message);
      link = {
        port: channel.local,
        world: message.world,
        timings: message.timings,
        terminate: () => {
          if (state !== 'over') end();
        },
        stats: () =>
          new Promise((answer) => {
            if (state === 'over') return answer(undefined);
            statsWaiters.push(answer);
            worker.post({ type: 'stats' }, []);
          }),
      };
      resolve(link);
    };

    const receive = (message: FromWorker): void => {
      switch (message.type) {
        case 'stage':
          listener.onStage?.(message);
          return;
        case 'output':
          listener.onOutput?.(message);
          return;
        case 'denied':
          listener.onDenied?.(message);
          return;
        case 'held':
          link?.onheld?.(message.calls);
          return;
        case 'stats':
          statsWaiters.shift()?.(message);
          return;
        case 'error':
          fail(message.error);
          return;
        case 'ready':
          ready(message);
          return;
      }
    };

    worker.listen({
      message: (data) => {
        if (state === 'over') return;
        const parsed = FromWorkerSchema.safeParse(data);
        if (parsed.success) receive(parsed.data);
        else fail(crashed(`the worker sent a malformed control message: ${parsed.error.message}`));
      },
      failure: fail,
    });

    const bytes = options.bytes.slice().buffer;
    const load: ToWorker = {
      type: 'load',
      bytes,
      port: channel.remote,
      ...(options.grants ? { grants: options.grants } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.serve ? { serve: options.serve } : {}),
      ...(options.stateKey ? { stateKey: options.stateKey } : {}),
    };
    try {
      worker.post(load, [bytes, channel.remote]);
    } catch (e) {
      fail(crashed(`the component could not be sent to its worker: ${describeError(e)}`));
    }
  });
}

function crashed(message: string): ErrorReport {
  return { code: 'WORKER_CRASHED', message };
}
