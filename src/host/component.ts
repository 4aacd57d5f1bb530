/**
 * One loaded component: a live instance, its registry, and the means to
 * replace the instance after a trap. Handler calls are synchronous inside the
 * component; `call` is async only because it may first wait for a restart.
 */
import type { ServerNotification } from '@modelcontextprotocol/server';
import { describeError, HostError } from './errors.js';
import { prepare, type LoadStage, type ModuleEvaluator, type Prepared, type StageListener, type World } from './load.js';
import type { Registry } from './registry.js';
import { COPY_BUDGET_IMPORT, CopyBudget } from './copy-budget.js';
import { MemoryMeter, mib } from './memory.js';
import { plainHandlers, registerPlain } from './plain/index.js';
import type { Mount } from './preopens.js';
import { McpErrorResource, Runtime, type CallContext } from './runtime.js';
import { wasiImports, type DenialListener, type OutputListener, type WasiGrants, type WasiShimModules } from './wasi.js';
import type { WitHandlers, WitRun } from './wit.js';

export interface Platform extends ModuleEvaluator {
  wasi: WasiShimModules;
  /**
   * Directories the platform itself gives every instance, by guest path,
   * beside the in-memory ones of the grants (Node: real host directories).
   */
  mounts?(): Record<string, Mount>;
}

/** The default cap on a component's linear memory. */
export const DEFAULT_MEMORY_LIMIT = 512 * 2 ** 20;

export interface HostOptions {
  platform: Platform;
  grants?: WasiGrants;
  /** All the linear memories of the component together may grow to this many bytes (default 512 MiB). */
  memoryLimitBytes?: number;
  onStage?: StageListener;
  onOutput?: OutputListener;
  /** Told of each call to a capability that was not granted. */
  onDenied?: DenialListener;
}

export type HandlerName = keyof WitHandlers;
export type HostTimings = Partial<Record<LoadStage, number>>;

/** The component returned err(error) from a handler: an answer, not a fault. */
export class GuestError extends Error {
  override name = 'GuestError';
  constructor(readonly error: McpErrorResource) {
    super(error.message());
  }
}

interface Live {
  runtime: Runtime;
  handlers: WitHandlers;
  memory: MemoryMeter;
  copies: CopyBudget;
}

function isGuestError(e: unknown): e is { payload: McpErrorResource } {
  return typeof e === 'object' && e !== null && 'payload' in e && e.payload instanceof McpErrorResource;
}

function findExport<T>(exports: Record<string, unknown>, prefix: string): T {
  const key = Object.keys(exports).find((k) => k.startsWith(prefix));
  return exports[key!] as T;
}

export class ComponentHost {
  readonly world: World;
  readonly timings: HostTimings;
  /** The transpiled component came from the platform's cache. */
  readonly cached: boolean;
  readonly #prepared: Prepared;
  readonly #options: HostOptions;
  readonly #listeners = new Set<(n: ServerNotification) => void>();
  readonly #restartListeners = new Set<() => void>();
  #live: Promise<Live>;
  /** The call before this one: calls run one at a time, as a suspended handler must not be re-entered. */
  #previous: Promise<unknown> = Promise.resolve();
  #restarts = 0;
  /** What the component wrote to stderr during the handler call under way, attached to its trap. */
  #callStderr: string | undefined;

  private constructor(prepared: Prepared, options: HostOptions, timings: HostTimings) {
    this.world = prepared.world;
    this.cached = prepared.cached;
    this.timings = timings;
    this.#prepared = prepared;
    this.#options = options;
    this.#live = this.#instantiate((stage, ms) => {
      timings[stage] = ms;
      options.onStage?.(stage, ms);
    });
  }

  static async load(bytes: Uint8Array, options: HostOptions): Promise<ComponentHost> {
    const timings: HostTimings = {};
    const prepared = await prepare(bytes, options.platform, options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT, (stage, ms) => {
      timings[stage] = ms;
      options.onStage?.(stage, ms);
    });
    const host = new ComponentHost(prepared, options, timings);
    await host.#live;
    return host;
  }

  /** The registry of the current instance (re-registered after each restart). */
  async registry(): Promise<Registry> {
    return (await this.#live).runtime.registry;
  }

  /** The registrations of the current instance that the host refused, and why. */
  async refusals(): Promise<readonly string[]> {
    return (await this.#live).runtime.refusals;
  }

  /** Bytes of linear memory the current instance uses. */
  async memoryBytes(): Promise<number> {
    return (await this.#live).memory.bytes;
  }

  /** How many times the instance was replaced after a trap. */
  get restarts(): number {
    return this.#restarts;
  }

  /** Notifications the component sends outside of any request (broadcast to every session). */
  onNotification(listener: (n: ServerNotification) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Told each time the instance is replaced after a trap (what the old one held is gone). */
  onRestart(listener: () => void): () => void {
    this.#restartListeners.add(listener);
    return () => this.#restartListeners.delete(listener);
  }

  /**
   * Calls a handler. err(error) from the component is thrown as GuestError;
   * a trap is thrown as HostError TRAPPED after a fresh instance is on its way.
   */
  call<T>(context: CallContext, handler: HandlerName, fn: (h: WitHandlers) => T | Promise<T>): Promise<T> {
    const result = this.#previous.then(() => this.#callNow(context, handler, fn));
    this.#previous = result.catch(() => {});
    return result;
  }

  async #callNow<T>(context: CallContext, handler: HandlerName, fn: (h: WitHandlers) => T | Promise<T>): Promise<T> {
    const live = await this.#live;
    this.#callStderr = '';
    live.copies.start(handler);
    try {
      return await live.runtime.within(context, () => fn(live.handlers), handler);
    } catch (e) {
      if (isGuestError(e)) throw new GuestError(e.payload);
      this.#restart();
      // Over the copy budget, the call stopped in the middle of jco's code: a fresh instance follows.
      if (e instanceof HostError && e.code === 'COPY_LIMIT') throw new HostError(e.code, `${e.message}; it was restarted`);
      throw this.#trapError(handler, e, live.memory, this.#callStderr);
    } finally {
      this.#callStderr = undefined;
    }
  }

  #trapError(handler: HandlerName, e: unknown, memory: MemoryMeter, stderr: string): HostError {
    const data = stderr === '' ? undefined : { stderr };
    // A failed memory.grow is invisible to the host: the allocator just gives up. A memory near its
    // cap, or the runtime saying so on stderr (QuickJS: "out of memory"), is how it shows.
    if (memory.nearLimit || /out of memory/i.test(stderr)) {
      return new HostError(
        'MEMORY_LIMIT',
        `the component ran out of memory in ${handler} (${mib(memory.bytes)} in use, budget ${mib(
          memory.limitBytes,
        )} for all its memories); it was restarted`,
        data,
      );
    }
    return new HostError('TRAPPED', `the component trapped in ${handler}: ${describeError(e)}; it was restarted`, data);
  }

  #restart(): void {
    this.#restarts += 1;
    this.#live = this.#instantiate(() => {});
    this.#restartListeners.forEach((l) => l());
  }

  #instantiate(onStage: StageListener): Promise<Live> {
    const broadcast = (n: ServerNotification) => this.#listeners.forEach((l) => l(n));
    const output: OutputListener = (stream, text) => {
      if (stream === 'stderr' && this.#callStderr !== undefined) this.#callStderr += text;
      this.#options.onOutput?.(stream, text);
    };
    const live = instantiate(this.#prepared, this.#options, output, broadcast, onStage);
    // A failed restart is reported to the next caller; it must not be an unhandled rejection meanwhile.
    live.catch(() => {});
    return live;
  }
}

async function instantiate(
  prepared: Prepared,
  options: HostOptions,
  output: OutputListener,
  sink: (n: ServerNotification) => void,
  onStage: StageListener,
): Promise<Live> {
  let t = performance.now();
  const runtime = new Runtime(sink, prepared.suspendable);
  const memory = new MemoryMeter(options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT);
  const copies = new CopyBudget();
  const imports = {
    ...wasiImports(options.platform.wasi, options.grants ?? {}, output, options.onDenied, options.platform.mounts?.()),
    ...runtime.imports(),
    [COPY_BUDGET_IMPORT]: copies,
  };
  let exports: Record<string, unknown>;
  try {
    exports = await prepared.instantiate((name) => {
      const module = prepared.modules.get(name);
      if (!module) throw new Error(`jco asked for an unknown core module ${name}`);
      return module;
    }, imports, async (module, coreImports) => {
      const pages = prepared.memoryPages.get(module);
      if (pages === undefined) throw new Error('jco instantiated a core module the host did not compile');
      memory.reserve(pages);
      const instance = await WebAssembly.instantiate(module, coreImports);
      memory.track(instance);
      return instance;
    });
  } catch (e) {
    if (e instanceof HostError) throw e;
    const shared = prepared.memories > 1 ? ` (a ${mib(memory.limitBytes)} budget shared by ${prepared.memories} memories)` : '';
    throw new HostError('INSTANTIATE_FAILED', `the component could not be instantiated: ${describeError(e)}${shared}`);
  }
  onStage('instantiate', performance.now() - t);

  t = performance.now();
  if (prepared.plain) {
    // No run to call: the tools come from the component's exported functions.
    registerPlain(prepared.plain, runtime.registry);
    onStage('register', performance.now() - t);
    return { runtime, memory, copies, handlers: plainHandlers(prepared.plain.tools, exports) };
  }
  copies.start('run');
  try {
    await findExport<WitRun>(exports, 'wasi:cli/run@').run();
  } catch (e) {
    if (e instanceof HostError) throw e;
    // wasi:cli/run's err carries nothing: jco throws it as "undefined (see error.payload)".
    const bareErr = typeof e === 'object' && e !== null && 'payload' in e && e.payload === undefined;
    const why = isGuestError(e) ? e.payload.message() : bareErr ? 'it returned err' : describeError(e);
    // A refusal that escapes run reaches the host as a bare err: say what was refused.
    const refused = runtime.lastRefusal === undefined ? '' : ` (the host had refused a registration: ${runtime.lastRefusal})`;
    throw new HostError('REGISTRATION_FAILED', `the component's run failed: ${why}${refused}`);
  }
  runtime.endRun();
  if (!runtime.registry.served) {
    throw new HostError('REGISTRATION_FAILED', 'the component\'s run returned without calling serve');
  }
  onStage('register', performance.now() - t);
  return { runtime, memory, copies, handlers: findExport<WitHandlers>(exports, 'wasi:mcp/handlers@') };
}
