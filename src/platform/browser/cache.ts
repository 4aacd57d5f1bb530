/**
 * The transpile cache in the browser: IndexedDB, one record per key. Chromium
 * no longer stores WebAssembly.Module objects in IndexedDB, so core modules
 * are kept as bytes and compiled again.
 *
 * The generated module and the core modules are stored as Blobs:
 * reading back a record of typed arrays deserialized all of it on the worker's
 * thread (21 ms for the 12.9 MB SpiderMonkey echo), while Blobs come back as
 * handles whose contents are read off the thread, all at once (9 ms). Most
 * records hold no core module at all: see `embedded` in host/transpile.ts.
 */
import type { Transpiled, TranspileCache, World } from '../../host/transpile.js';
import { openDatabase, request, STORES } from './database.js';

const STORE = STORES.transpiled;

interface Stored {
  source: Blob;
  world: World;
  modules: [name: string, bytes: Blob][];
  embedded: Transpiled['embedded'];
  plainWit?: Transpiled['plainWit'];
}

export function indexedDbCache(): TranspileCache | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  return {
    async get(key) {
      const db = await openDatabase();
      const stored = (await request(db.transaction(STORE).objectStore(STORE).get(key))) as Stored | undefined;
      if (!stored) return undefined;
      const [source, ...modules] = await Promise.all([stored.source.text(), ...stored.modules.map(([, blob]) => blob.arrayBuffer())]);
      return {
        source,
        world: stored.world,
        modules: stored.modules.map(([name], i) => [name, new Uint8Array(modules[i])]),
        embedded: stored.embedded,
        ...(stored.plainWit ? { plainWit: stored.plainWit } : {}),
      };
    },
    async put(key, value: Transpiled) {
      const db = await openDatabase();
      const stored: Stored = {
        source: new Blob([value.source], { type: 'text/javascript' }),
        world: value.world,
        modules: value.modules.map(([name, bytes]) => [name, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/wasm' })]),
        embedded: value.embedded,
        ...(value.plainWit ? { plainWit: value.plainWit } : {}),
      };
      await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(stored, key));
    },
  };
}
