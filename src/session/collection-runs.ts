/**
 * The latest result of each saved call, by collection: a collection run as a
 * whole, or one call re-run alone, against a chosen server
 * (src/collections/run.ts does the running and judging).
 */
import type { Collection } from '../collections/format.js';
import { runCollection, type CallResult } from '../collections/run.js';
import { peerOf } from './next-versions.js';
import { errorInfo } from './outcome.js';
import type { ServerSession } from './server-session.js';
import { Store } from './store.js';

export interface CollectionResults {
  /** The server the latest run went to. */
  server: string;
  /** The calls being run now. */
  running: readonly string[];
  /** By call name. */
  results: Readonly<Record<string, CallResult>>;
  error?: string;
}

export class CollectionRunsStore extends Store<ReadonlyMap<string, CollectionResults>> {
  constructor() {
    super(new Map());
  }

  /** Runs every call of `collection` on `session`, or only the call named `only`. Never rejects. */
  async run(session: ServerSession, collection: Collection, only?: string): Promise<void> {
    const calls = only === undefined ? collection.calls : collection.calls.filter((c) => c.name === only);
    const kept = only === undefined ? {} : (this.value.get(collection.name)?.results ?? {});
    this.#put(collection.name, { server: session.name, running: calls.map((c) => c.name), results: kept });
    try {
      const run = await runCollection(peerOf(session), { ...collection, calls });
      const results = { ...kept, ...Object.fromEntries(run.results.map((r) => [r.name, r])) };
      this.#put(collection.name, { server: session.name, running: [], results });
    } catch (e) {
      this.#put(collection.name, { server: session.name, running: [], results: kept, error: errorInfo(e).message });
    }
  }

  #put(name: string, results: CollectionResults): void {
    this.set(new Map([...this.value, [name, results]]));
  }
}
