/**
 * Where the page keeps its workspace (src/session/workspace.ts): IndexedDB,
 * one record in the `workspace` store and the files it names (components,
 * sandbox files) as Blobs in `workspace-files`, keyed by SHA-256.
 */
import type { WorkspaceStorage } from '../../session/workspace.js';
import type { WorkspaceRecord } from '../../session/workspace-record.js';
import { committed, openDatabase, request, STORES } from './database.js';

const KEY = 'current';
const { workspace: RECORDS, workspaceFiles: FILES } = STORES;

export function indexedDbWorkspace(): WorkspaceStorage | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  return {
    async load() {
      const db = await openDatabase();
      return request(db.transaction(RECORDS).objectStore(RECORDS).get(KEY));
    },
    async save(record: WorkspaceRecord, files: ReadonlyMap<string, Uint8Array>) {
      const db = await openDatabase();
      const tx = db.transaction([RECORDS, FILES], 'readwrite');
      tx.objectStore(RECORDS).put(record, KEY);
      const store = tx.objectStore(FILES);
      // Files already there are not written again; files no longer named go.
      const sync = request(store.getAllKeys()).then((keys) => {
        const stored = new Set(keys.map(String));
        for (const hash of stored) if (!files.has(hash)) store.delete(hash);
        for (const [hash, bytes] of files) {
          if (!stored.has(hash)) store.put(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), hash);
        }
      });
      await Promise.all([sync, committed(tx)]);
    },
    async readFile(hash: string) {
      const db = await openDatabase();
      const blob = (await request(db.transaction(FILES).objectStore(FILES).get(hash))) as Blob | undefined;
      return blob ? new Uint8Array(await blob.arrayBuffer()) : undefined;
    },
    async clear() {
      const db = await openDatabase();
      const tx = db.transaction([RECORDS, FILES], 'readwrite');
      tx.objectStore(RECORDS).clear();
      tx.objectStore(FILES).clear();
      await committed(tx);
    },
  };
}
