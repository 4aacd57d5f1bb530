/**
 * From component bytes to an instantiable component: check the bytes,
 * transpile with jco's browser-safe generator, check the world, compile the
 * core modules. The result can be instantiated any number of times (a trap
 * is followed by a fresh instance from the same compiled modules).
 */
import { describeError, HostError } from './errors.js';
import { checkBytes } from './file-check.js';
import { capMemory, definedMemories, WASM_PAGE_BYTES } from './memory.js';
import { instanceCounts, memoryCount, planMemories } from './memory-plan.js';
import { embeddedCoreModules } from './core-modules.js';
import { mayImportAny } from './imported-names.js';
import { transpile, type TranspileCache, type World } from './transpile.js';
import { checkPlain, isPlain, type PlainWorld } from './plain/index.js';
import { transpilePlain } from './plain/transpile-plain.js';

export type { World } from './transpile.js';

export type InstantiateFn = (
  getCoreModule: (name: string) => WebAssembly.Module,
  imports: Record<string, unknown>,
  instantiateCore: (module: WebAssembly.Module, imports: WebAssembly.Imports) => Promise<WebAssembly.Instance>,
) => Promise<Record<string, unknown>>;

/** What a platform gives the host: how to evaluate jco's generated ES module, and where to cache it. */
export interface ModuleEvaluator {
  /** `url`, when the cache gave one, holds `source` as it is: the platform may import that instead. */
  importModule(source: string, url?: string): Promise<{ instantiate: InstantiateFn }>;
  cache?: TranspileCache;
}

export interface Prepared {
  world: World;
  instantiate: InstantiateFn;
  modules: Map<string, WebAssembly.Module>;
  /** Pages the memories of one instance of each module may grow to: charged as each is created. */
  memoryPages: Map<WebAssembly.Module, number>;
  /** How many memories share the budget, counting every instance. */
  memories: number;
  /** Handlers may suspend on request-sampling/-elicitation/-roots (transpiled for JSPI; imported-names.ts). */
  suspendable: boolean;
  /** The transpiled output came from the platform's cache. */
  cached: boolean;
  /** Set for a component without wasi:mcp: its exported functions, served as tools (plain/). */
  plain?: PlainWorld;
}

/**
 * The imports that wait for the client, and the exports that may be on the
 * stack when they do: with JSPI, jco wraps the first in WebAssembly.Suspending
 * and the second in WebAssembly.promising (docs/client-requests.md).
 */
const SUSPENDING_IMPORTS = [
  ...['request-sampling', 'request-elicitation', 'request-roots'].map((f) => `wasi:mcp/runtime@0.1.0#${f}`),
  // preview2-shim's blocking WASI calls return promises (wasi:http responses and bodies arrive
  // asynchronously); unversioned, so they match whichever 0.2.x a component imports.
  ...['wasi:io/poll#[method]pollable.block', 'wasi:io/poll#poll'],
  ...['blocking-read', 'blocking-skip'].map((f) => `wasi:io/streams#[method]input-stream.${f}`),
];
// Every export the host calls: any of them may block on a pollable, run included.
const PROMISING_EXPORTS = [
  ...['call-tool', 'get-prompt', 'read-resource', 'handle-subscribe', 'handle-unsubscribe', 'handle-complete'].map(
    (f) => `wasi:mcp/handlers@0.1.0#${f}`,
  ),
  'wasi:cli/run@0.2.3#run',
];

/** Whether this engine has JavaScript Promise Integration (Chromium 137+, Node 24+). */
export function hasJspi(): boolean {
  const wasm = WebAssembly as unknown as Record<string, unknown>;
  return typeof wasm.Suspending === 'function' && typeof wasm.promising === 'function';
}

export type LoadStage = 'transpile' | 'compile' | 'instantiate' | 'register';
export type StageListener = (stage: LoadStage, ms: number) => void;

const REQUIRED_IMPORT = 'wasi:mcp/runtime';
const REQUIRED_EXPORTS = ['wasi:mcp/handlers@0.1', 'wasi:cli/run@0.2'];

/** Says what a world lacks for wasi:mcp, listing what it has instead. */
export function checkWorld(world: World): void {
  const missing: string[] = [];
  if (!world.imports.some((i) => i === REQUIRED_IMPORT || i.startsWith(`${REQUIRED_IMPORT}@`))) {
    missing.push(`does not import ${REQUIRED_IMPORT}`);
  }
  for (const required of REQUIRED_EXPORTS) {
    if (!world.exports.some((e) => e.startsWith(required))) missing.push(`does not export ${required.replace(/@.*/, '')}`);
  }
  if (missing.length > 0) {
    throw new HostError(
      'WRONG_WORLD',
      `component ${missing.join(' and ')} (it imports: ${world.imports.join(', ') || 'nothing'}; it exports: ${
        world.exports.join(', ') || 'nothing'
      })`,
      world,
    );
  }
}

function now(): number {
  return performance.now();
}

export async function prepare(
  bytes: Uint8Array,
  evaluator: ModuleEvaluator,
  memoryLimitBytes: number,
  onStage: StageListener,
): Promise<Prepared> {
  checkBytes(bytes);
  let t = now();
  const maxPages = Math.floor(memoryLimitBytes / WASM_PAGE_BYTES);
  // The engine compiles the component's own core modules off this thread from the start, while the
  // bytes are hashed, the cache is read and the generated module is imported (one after
  // the other, these were 100 ms of a 220 ms repeat load of the 12.9 MB SpiderMonkey echo).
  // Each is compiled at the cap the memory plan gives it when every module is instantiated once
  // (nearly every component), so the plan below can keep the early module instead of compiling
  // the same bytes again at another cap.
  const own = embeddedCoreModules(bytes);
  const guess = planMemories(
    own.map((data, i) => ({ name: `${i}`, memories: definedMemories(data), instances: 1 })),
    memoryLimitBytes,
  );
  const earlyCaps = own.map((_, i) => guess.get(`${i}`) ?? maxPages);
  const early = own.map((data, i) => compileCapped(data, earlyCaps[i]!));
  for (const compiling of early) compiling.catch(() => {}); // a failure counts only where it is awaited
  const suspendable = hasJspi() && mayImportAny(bytes, SUSPENDING_IMPORTS);
  const jspi = suspendable ? { imports: SUSPENDING_IMPORTS, exports: PROMISING_EXPORTS } : undefined;
  const { transpiled, cached, plain } = isPlain(bytes)
    ? await transpilePlain(bytes, jspi?.imports, evaluator.cache)
    : { ...(await transpile(bytes, jspi, evaluator.cache)), plain: undefined };
  const world = transpiled.world;
  if (plain) checkPlain(plain, world);
  else checkWorld(world);
  // Every memory of every instance shares one budget: a module instantiated more than once, or
  // with more than one memory, gets less than the whole budget, and is compiled again if the early
  // compile is not at the cap the plan says.
  type Source = [name: string, data: Uint8Array, early: Promise<WebAssembly.Module> | undefined, earlyCap: number | undefined];
  const sources: Source[] = [
    ...transpiled.embedded.map(([name, index]): Source => [name, own[index]!, early[index], earlyCaps[index]]),
    ...transpiled.modules.map(([name, data]): Source => [name, data, undefined, undefined]),
  ];
  const counts = instanceCounts(transpiled.source);
  const planned = sources.map(([name, data]) => ({ name, memories: definedMemories(data), instances: counts.get(name) ?? 0 }));
  const plan = planMemories(planned, memoryLimitBytes);
  const memoryPages = new Map<WebAssembly.Module, number>();
  const compiling = Promise.all(
    sources.map(async ([name, data, compiled, compiledCap], i) => {
      const cap = plan.get(name) ?? maxPages;
      const module = await (cap === compiledCap && compiled ? compiled : compileCapped(data, cap));
      memoryPages.set(module, planned[i]!.memories.reduce((n, m) => n + Math.min(m.max ?? Infinity, cap), 0));
      return [name, module] as const;
    }),
  );
  compiling.catch(() => {}); // awaited below; a failed import must not leave it unhandled
  const module = await evaluator.importModule(transpiled.source, transpiled.moduleUrl);
  onStage('transpile', now() - t);

  t = now();
  const modules = new Map(await compiling);
  onStage('compile', now() - t);
  return {
    world,
    instantiate: module.instantiate,
    modules,
    memoryPages,
    memories: memoryCount(planned),
    suspendable,
    cached,
    ...(plain ? { plain } : {}),
  };
}

/** Caps a core module's memories and compiles it. */
async function compileCapped(data: Uint8Array, maxPages: number): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compile(capMemory(data, maxPages) as BufferSource);
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw new HostError('INSTANTIATE_FAILED', `a core module of the component does not compile: ${describeError(e)}`);
  }
}
