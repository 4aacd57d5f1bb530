/** The page's saved collections: the stored record read back (and what is left out of a bad one), and the edits kept. */
import { describe, expect, it } from 'vitest';
import type { Collection } from '../../../src/collections/format.js';
import { COLLECTIONS_KEY, CollectionsStore, parseCollectionsRecord, UNREADABLE_KEY } from '../../../src/session/collections.js';

const add: Collection = { version: 1, name: 'math', calls: [{ name: 'add', request: { kind: 'tool', name: 'add', arguments: { a: 1, b: 2 } } }] };

function memory(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { items, getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('parseCollectionsRecord', () => {
  it('reads back a version 1 record', () => {
    expect(parseCollectionsRecord(JSON.stringify({ version: 1, collections: [add] }))).toEqual({ collections: [add], problems: [] });
  });

  it('starts empty with nothing stored', () => {
    expect(parseCollectionsRecord(null)).toEqual({ collections: [], problems: [] });
  });

  it('says why a record that is not JSON, or of another version, is not used', () => {
    expect(parseCollectionsRecord('{"version":1,').problems[0]).toMatch(/^the saved collections are not JSON/);
    expect(parseCollectionsRecord(JSON.stringify({ version: 2, collections: [add] }))).toEqual({
      collections: [],
      problems: ['the saved collections are not a version 1 record'],
    });
  });

  it('keeps the valid collections of a record and names the problem of each invalid one', () => {
    const bad = { version: 1, name: 'bad', calls: [{ name: 'x', request: { kind: 'tool' } }] };
    const state = parseCollectionsRecord(JSON.stringify({ version: 1, collections: [bad, add] }));
    expect(state.collections).toEqual([add]);
    expect(state.problems).toEqual([expect.stringMatching(/^saved collection 1 was left out: calls\[0\]\.request\.name/)]);
  });
});

describe('CollectionsStore', () => {
  it('sets an unreadable record aside before anything overwrites it', () => {
    const storage = memory({ [COLLECTIONS_KEY]: 'not json' });
    const store = new CollectionsStore(storage);
    expect(store.value.problems).toHaveLength(1);
    store.saveCall('new', add.calls[0]!);
    expect(storage.items.get(UNREADABLE_KEY)).toBe('not json');
    expect(parseCollectionsRecord(storage.items.get(COLLECTIONS_KEY) ?? null).collections.map((c) => c.name)).toEqual(['new']);
  });

  it('saves calls into a new or an existing collection under unique names, and persists them', () => {
    const storage = memory();
    const store = new CollectionsStore(storage);
    expect(store.saveCall('math', add.calls[0]!)).toBe('add');
    expect(store.saveCall('math', add.calls[0]!)).toBe('add (2)');
    expect(new CollectionsStore(storage).find('math')?.calls.map((c) => c.name)).toEqual(['add', 'add (2)']);
  });

  it('refuses an edit that makes the collection invalid, saying where', () => {
    const store = new CollectionsStore(memory());
    store.add(add);
    const change = store.replaceCall('math', 'add', { ...add.calls[0], expect: { checks: [{ path: 'sum', equals: 3 }] } });
    expect(change).toEqual({ ok: false, problems: [expect.stringMatching(/^calls\[0\]\.expect\.checks\[0\]\.path: must be a JSON Pointer/)] });
    expect(store.find('math')).toEqual(add);
    expect(store.replaceCall('math', 'add', { ...add.calls[0], name: 'sum', expect: { isError: false } })).toEqual({ ok: true });
    expect(store.find('math')?.calls[0]).toMatchObject({ name: 'sum', expect: { isError: false } });
  });

  it('deletes a collection with its last call, and names an added one apart from the others', () => {
    const store = new CollectionsStore(memory());
    expect(store.add(add)).toBe('math');
    expect(store.add(add)).toBe('math (2)');
    store.deleteCall('math', 'add');
    expect(store.value.collections.map((c) => c.name)).toEqual(['math (2)']);
  });
});
