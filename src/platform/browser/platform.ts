/**
 * The host platform in a browser Worker: jco's generated module is imported
 * from a Blob URL (CSP: script-src blob:), WASI is the shim's browser build.
 */
import * as wasi from '@bytecodealliance/preview2-shim';
import type { Platform } from '../../host/index.js';
import type { WasiShimModules } from '../../host/wasi.js';

export async function browserPlatform(): Promise<Platform> {
  return {
    wasi: wasi as unknown as WasiShimModules,
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
