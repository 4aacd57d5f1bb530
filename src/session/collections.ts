/**
 * The page's saved collections, kept in localStorage as a versioned record.
 * Every collection is held in the file format (src/collections/format.ts), so
 * export writes it as it is and import, the editor and the stored record are
 * all checked by the same parser. A record that cannot be read is set aside
 * under another key, never trusted and never silently overwritten.
 */
import * as z from 'zod/v4';
import { checkCollection, type Call, type Collection } from '../collections/format.js';
import type { KeyValueStorage } from './settings.js';
import { Store } from './store.js';

export const COLLECTIONS_KEY = 'wasi-mcp-playground:collections';
/** Where an unreadable record is moved, so that the next save does not destroy it. */
export const UNREADABLE_KEY = `${COLLECTIONS_KEY}:unreadable`;

const RecordV1 = z.object({ version: z.literal(1), collections: z.array(z.unknown()) });

export interface CollectionsState {
  collections: readonly Collection[];
  /** What could not be read back from storage, for the person to see. */
  problems: readonly string[];
}

export type Change = { ok: true } | { ok: false; problems: string[] };

/** The stored record: every collection that is valid, and a problem for each part that is not. */
export function parseCollectionsRecord(text: string | null): CollectionsState {
  if (text === null) return { collections: [], problems: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { collections: [], problems: [`the saved collections are not JSON (${(e as Error).message})`] };
  }
  const record = RecordV1.safeParse(value);
  if (!record.success) return { collections: [], problems: ['the saved collections are not a version 1 record'] };
  const collections: Collection[] = [];
  const problems: string[] = [];
  record.data.collections.forEach((item, i) => {
    const checked = checkCollection(item);
    if (checked.ok) collections.push(checked.collection);
    else problems.push(`saved collection ${i + 1} was left out: ${checked.problems.join('; ')}`);
  });
  return { collections, problems };
}

export function uniqueName(name: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(name)) return name;
  for (let n = 2; ; n++) if (!names.has(`${name} (${n})`)) return `${name} (${n})`;
}

export class CollectionsStore extends Store<CollectionsState> {
  readonly #storage: KeyValueStorage | undefined;

  constructor(storage: KeyValueStorage | undefined) {
    const text = storage?.getItem(COLLECTIONS_KEY) ?? null;
    const state = parseCollectionsRecord(text);
    super(state);
    this.#storage = storage;
    if (text !== null && state.problems.length > 0) this.#write(UNREADABLE_KEY, text);
  }

  find(name: string): Collection | undefined {
    return this.value.collections.find((c) => c.name === name);
  }

  /** Appends a call to the collection called `collection`, creating it if there is none; returns the name the call got. */
  saveCall(collection: string, call: Call): string {
    const existing = this.find(collection);
    if (!existing) {
      this.#put([...this.value.collections, { version: 1, name: collection, calls: [call] }]);
      return call.name;
    }
    const name = uniqueName(call.name, existing.calls.map((c) => c.name));
    this.#replace(collection, { ...existing, calls: [...existing.calls, { ...call, name }] });
    return name;
  }

  /** Adds a whole collection (imported, or made from the history) under a name no other collection has. */
  add(collection: Collection): string {
    const name = uniqueName(collection.name, this.value.collections.map((c) => c.name));
    this.#put([...this.value.collections, { ...collection, name }]);
    return name;
  }

  /** Replaces one call (renamed, edited) if the collection is still valid with it. */
  replaceCall(collection: string, callName: string, next: unknown): Change {
    const existing = this.find(collection);
    if (!existing) return { ok: false, problems: [`there is no collection ${collection}`] };
    const checked = checkCollection({ ...existing, calls: existing.calls.map((c) => (c.name === callName ? next : c)) });
    if (!checked.ok) return checked;
    this.#replace(collection, checked.collection);
    return { ok: true };
  }

  /** Deletes a call; a collection holds at least one, so deleting its last call deletes the collection. */
  deleteCall(collection: string, callName: string): void {
    const existing = this.find(collection);
    if (!existing) return;
    const calls = existing.calls.filter((c) => c.name !== callName);
    if (calls.length === 0) this.remove(collection);
    else this.#replace(collection, { ...existing, calls });
  }

  remove(collection: string): void {
    this.#put(this.value.collections.filter((c) => c.name !== collection));
  }

  #replace(name: string, collection: Collection): void {
    this.#put(this.value.collections.map((c) => (c.name === name ? collection : c)));
  }

  #put(collections: readonly Collection[]): void {
    this.set({ ...this.value, collections });
    this.#write(COLLECTIONS_KEY, JSON.stringify({ version: 1, collections }));
  }

  #write(key: string, text: string): void {
    try {
      this.#storage?.setItem(key, text);
    } catch {
      // Storage can be full or disabled; the collections still work in this page.
    }
  }
}
