/**
 * The page's IndexedDB database, `wasi-mcp-playground`, shared by the
 * transpile cache (in component workers) and the saved workspace (in the
 * page). One version and one upgrade for both, so neither opens it at a
 * version the other would have to wait for.
 */
const DB = 'wasi-mcp-playground';
/**
 * Version 2 replaced the store of typed-array records with one of Blob records;
 * version 3 added the saved workspace and the files it holds.
 */
const VERSION = 3;

export const STORES = {
  transpiled: 'transpiled-blobs',
  workspace: 'workspace',
  workspaceFiles: 'workspace-files',
} as const;

export function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves once a read-write transaction has committed. */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

let opened: Promise<IDBDatabase> | undefined;

/**
 * The database, opened once per page or worker. A newer page that upgrades the
 * schema asks open connections to close (versionchange); one that cannot
 * upgrade because an older tab holds on is blocked, and the caller goes on
 * without it rather than waiting for that tab. A failed open is tried again later.
 */
export function openDatabase(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(DB, VERSION);
    r.onupgradeneeded = () => {
      const db = r.result;
      if (db.objectStoreNames.contains('transpiled')) db.deleteObjectStore('transpiled');
      for (const store of Object.values(STORES)) if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
    };
    r.onsuccess = () => {
      const db = r.result;
      db.onversionchange = () => {
        db.close();
        opened = undefined;
      };
      resolve(db);
    };
    r.onblocked = () => reject(new Error('the page database is held at an older version by another tab'));
    r.onerror = () => reject(r.error ?? new Error('IndexedDB is unavailable'));
  }).catch((e: unknown) => {
    opened = undefined;
    throw e;
  });
  return opened;
}
