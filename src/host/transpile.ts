/**
 * jco's transpiler, behind a cache keyed by the component's content hash.
 * The transpiler is large (its own wasm, 3.5 MB) and slow to warm up, so it is
 * imported only on a cache miss (a repeat load should not pay for
 * it). Where the cache lives is the platform's business (IndexedDB in the
 * browser, a directory under Node).
 */
import { sha256 } from './digest.js';
import { embeddedCoreModules, sameBytes } from './core-modules.js';
import { describeError, HostError } from './errors.js';
import { budgetLifts } from './lift-budget.js';

export interface World {
  imports: string[];
  exports: string[];
}

/** jco's output for one component, as kept in a cache. */
export interface Transpiled {
  /** The generated ES module (instantiation: async). */
  source: string;
  world: World;
  /** Core modules by the names the generated module asks for, those not found in the component. */
  modules: [name: string, bytes: Uint8Array][];
  /** The others: jco's output byte for byte, by their index among the component's own (core-modules.ts). */
  embedded: [name: string, index: number][];
  /** For a component without wasi:mcp, the WIT its tools are derived from (plain/). */
  plainWit?: PrintedWit;
  /** Set by a cache that keeps `source` where a module can be imported from as it is (a file under Node). */
  moduleUrl?: string;
}

/** The WIT jco printed for a plain component's renamed copy, with the real name of each renamed interface. */
export interface PrintedWit {
  wit: string;
  names: [printed: string, real: string][];
}

export interface TranspileCache {
  get(key: string): Promise<Transpiled | undefined>;
  put(key: string, value: Transpiled): Promise<void>;
}

/**
 * Part of every cache key: a different transpiler or mode makes different
 * output. tests/unit/host/transpile.test.ts fails when this falls out of step
 * with the installed jco.
 */
export const TRANSPILER = 'jco-1.35.0';
/**
 * Also part of every key: bumped when what transpile keeps of jco's output changes (2: function
 * exports; 3: core modules the component embeds are kept as their index; 4: the printed WIT of a
 * component without wasi:mcp; 5: copies out of the component charged to a budget, lift-budget.ts).
 */
const FORMAT = 'f5';

export interface JspiConfig {
  imports: string[];
  exports: string[];
}

export async function cacheKey(bytes: Uint8Array, jspi: JspiConfig | undefined): Promise<string> {
  // The JSPI lists change the generated code, so they are part of the key.
  const mode = jspi ? `jspi-${(await sha256(new TextEncoder().encode(JSON.stringify(jspi)))).slice(0, 16)}` : 'sync';
  return `${TRANSPILER}:${FORMAT}:${mode}:${await sha256(bytes)}`;
}

async function runJco(bytes: Uint8Array, jspi: JspiConfig | undefined): Promise<Transpiled> {
  const { generate } = await import('@bytecodealliance/jco/component');
  let out: Awaited<ReturnType<typeof generate>>;
  try {
    out = await generate(bytes, {
      name: 'component',
      instantiation: { tag: 'async' },
      noTypescript: true,
      noNodejsCompat: true,
      ...(jspi ? { asyncMode: { tag: 'jspi', val: jspi } } : {}),
    });
  } catch (e) {
    throw new HostError('TRANSPILE_FAILED', `jco could not transpile the component: ${describeError(e)}`);
  }
  const files = new Map(out.files);
  return {
    source: budgetLifts(new TextDecoder().decode(files.get('component.js'))),
    world: {
      imports: out.imports,
      // A bare function export is named with `()` so that it reads apart from an interface.
      exports: out.exports.map(([name, kind]) => (kind === 'function' ? `${name}()` : name)),
    },
    modules: out.files.filter(([name]) => name.endsWith('.wasm')),
    embedded: [],
  };
}

/** Moves the core modules that are the component's own, byte for byte, from `modules` to `embedded`. */
function byReference(transpiled: Transpiled, bytes: Uint8Array): Transpiled {
  const own = embeddedCoreModules(bytes);
  const modules: Transpiled['modules'] = [];
  const embedded: Transpiled['embedded'] = [];
  for (const [name, data] of transpiled.modules) {
    const index = own.findIndex((m) => sameBytes(m, data));
    if (index >= 0) embedded.push([name, index]);
    else modules.push([name, data]);
  }
  return { ...transpiled, modules, embedded };
}

/** The transpiled component, from the cache when it has it. A failing cache is only slower, never wrong. */
export async function transpile(
  bytes: Uint8Array,
  jspi: JspiConfig | undefined,
  cache: TranspileCache | undefined,
): Promise<{ transpiled: Transpiled; cached: boolean }> {
  const key = cache ? await cacheKey(bytes, jspi) : '';
  const hit = cache ? await cache.get(key).catch(() => undefined) : undefined;
  if (hit) return { transpiled: hit, cached: true };
  const transpiled = byReference(await runJco(bytes, jspi), bytes);
  if (cache) await cache.put(key, transpiled).catch(() => {});
  return { transpiled, cached: false };
}
