/**
 * The host platform in a browser Worker: jco's generated module is imported
 * from a Blob URL (CSP: script-src blob:), WASI is the shim's browser build,
 * and transpiled components are cached in IndexedDB by content hash.
 */
import * as wasi from '@bytecodealliance/preview2-shim';
import type { Platform } from '../../host/index.js';
import type { WasiShimModules } from '../../host/wasi.js';
import { indexedDbCache } from './cache.js';

export async function browserPlatform(): Promise<Platform> {
  const cache = indexedDbCache();
  return {
    wasi: wasi as unknown as WasiShimModules,
    ...(cache ? { cache } : {}),
    importModule: async (source) => {
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      try {
        return (await import(/* @vite-ignore */ url)) as Awaited<ReturnType<Platform['importModule']>>;
      } finally {
        URL.revokeObjectURL(url);
      }
    },
  };
}
