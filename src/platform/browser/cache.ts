/**
 * The transpile cache in the browser: IndexedDB, one record per key. Chromium
 * no longer stores WebAssembly.Module objects in IndexedDB, so core modules
 * are kept as bytes and compiled again (milliseconds, next to the transpile).
 */
import type { Transpiled, TranspileCache } from '../../host/transpile.js';

const DB = 'wasi-mcp-playground';
const STORE = 'transpiled';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

let opened: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB is unavailable'));
  });
  return opened;
}

export function indexedDbCache(): TranspileCache | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  return {
    async get(key) {
      const db = await open();
      return (await request(db.transaction(STORE).objectStore(STORE).get(key))) as Transpiled | undefined;
    },
    async put(key, value) {
      const db = await open();
      await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(value, key));
    },
  };
}
