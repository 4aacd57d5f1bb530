/**
 * Transpiling a component without wasi:mcp. Under JSPI its exported functions
 * must be entered as WebAssembly.promising, and which they are is known only
 * from its WIT; so the WIT is printed first, and kept with jco's output in the
 * transpile cache, where a repeat load finds both without starting jco's
 * wasm-tools (seconds in a fresh worker).
 */
import { cacheKey, transpile, type JspiConfig, type Transpiled, type TranspileCache } from '../transpile.js';
import { plainWorldOf, printPlainWit, promisingExports, type PlainWorld } from './index.js';

/**
 * The JSPI exports stand in the cache key as one marker: they follow from the
 * bytes, which the key holds already.
 */
const PLAIN_EXPORTS = ['<the exported functions of a component without wasi:mcp>'];

export async function transpilePlain(
  bytes: Uint8Array,
  /** The imports that suspend, when the component is transpiled for JSPI. */
  suspendingImports: string[] | undefined,
  cache: TranspileCache | undefined,
): Promise<{ transpiled: Transpiled; cached: boolean; plain: PlainWorld }> {
  const key = cache ? await cacheKey(bytes, suspendingImports && { imports: suspendingImports, exports: PLAIN_EXPORTS }) : '';
  const hit = cache ? await cache.get(key).catch(() => undefined) : undefined;
  if (hit?.plainWit) return { transpiled: hit, cached: true, plain: plainWorldOf(hit.plainWit) };
  const plainWit = await printPlainWit(bytes);
  const plain = plainWorldOf(plainWit);
  const jspi: JspiConfig | undefined = suspendingImports && { imports: suspendingImports, exports: promisingExports(plain) };
  const transpiled: Transpiled = { ...(await transpile(bytes, jspi, undefined)).transpiled, plainWit };
  if (cache) await cache.put(key, transpiled).catch(() => {});
  return { transpiled, cached: false, plain };
}
