/**
 * From component bytes to an instantiable component: check the bytes,
 * transpile with jco's browser-safe generator, check the world, compile the
 * core modules. The result can be instantiated any number of times (a trap
 * is followed by a fresh instance from the same compiled modules).
 */
import { describeError, HostError } from './errors.js';
import { capMemory, WASM_PAGE_BYTES } from './memory.js';
import { transpile, type TranspileCache, type World } from './transpile.js';

export type { World } from './transpile.js';

export type InstantiateFn = (
  getCoreModule: (name: string) => WebAssembly.Module,
  imports: Record<string, unknown>,
  instantiateCore: (module: WebAssembly.Module, imports: WebAssembly.Imports) => Promise<WebAssembly.Instance>,
) => Promise<Record<string, unknown>>;

/** What a platform gives the host: how to evaluate jco's generated ES module, and where to cache it. */
export interface ModuleEvaluator {
  importModule(source: string): Promise<{ instantiate: InstantiateFn }>;
  cache?: TranspileCache;
}

export interface Prepared {
  world: World;
  instantiate: InstantiateFn;
  modules: Map<string, WebAssembly.Module>;
  /** Handlers may suspend on request-sampling/request-elicitation (transpiled for JSPI). */
  suspendable: boolean;
  /** The transpiled output came from the platform's cache. */
  cached: boolean;
}

/**
 * The imports that wait for the client, and the exports that may be on the
 * stack when they do: with JSPI, jco wraps the first in WebAssembly.Suspending
 * and the second in WebAssembly.promising (docs/client-requests.md).
 */
const SUSPENDING_IMPORTS = [
  ...['request-sampling', 'request-elicitation'].map((f) => `wasi:mcp/runtime@0.1.0#${f}`),
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

/** Distinguishes "not wasm", "core module" and "component" from the 8-byte header. */
export function checkHeader(bytes: Uint8Array): void {
  const magic = bytes.length >= 8 && bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
  if (!magic) {
    throw new HostError(
      'NOT_WASM',
      bytes.length < 8
        ? `not a WebAssembly file: only ${bytes.length} bytes`
        : 'not a WebAssembly file: it does not start with \\0asm',
    );
  }
  const layer = bytes[6] | (bytes[7] << 8);
  if (layer === 0) {
    throw new HostError(
      'NOT_A_COMPONENT',
      'this is a core WebAssembly module, not a component: build it for the wasi:mcp/mcp-server world (see wit/)',
    );
  }
}

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
  checkHeader(bytes);
  let t = now();
  const suspendable = hasJspi();
  const jspi = suspendable ? { imports: SUSPENDING_IMPORTS, exports: PROMISING_EXPORTS } : undefined;
  const { transpiled, cached } = await transpile(bytes, jspi, evaluator.cache);
  const world = transpiled.world;
  checkWorld(world);
  const module = await evaluator.importModule(transpiled.source);
  onStage('transpile', now() - t);

  t = now();
  const modules = new Map<string, WebAssembly.Module>();
  try {
    for (const [name, data] of transpiled.modules) {
      const capped = capMemory(data, Math.floor(memoryLimitBytes / WASM_PAGE_BYTES));
      modules.set(name, await WebAssembly.compile(capped as BufferSource));
    }
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw new HostError('INSTANTIATE_FAILED', `a core module of the component does not compile: ${describeError(e)}`);
  }
  onStage('compile', now() - t);
  return { world, instantiate: module.instantiate, modules, suspendable, cached };
}
