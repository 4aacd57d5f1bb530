/** The stores React reads: bounded lists that batch notifications, versioned settings, outcomes that drop stale answers. */
import { describe, expect, it, vi } from 'vitest';
import { OutcomeStore } from '../../../src/session/outcome.js';
import { parseSettings, SettingsStore, DEFAULT_SETTINGS } from '../../../src/session/settings.js';
import { StatusStore } from '../../../src/session/status.js';
import { ListStore } from '../../../src/session/store.js';

describe('ListStore', () => {
  it('drops the oldest items beyond its byte budget, always keeping the newest', () => {
    const store = new ListStore<number>(100, 5, { maxBytes: 10, sizeOf: (n) => n });
    for (const n of [4, 4, 4]) store.push(n);
    store.flush();
    expect(store.value.items).toEqual([4, 4]);
    store.push(3);
    store.flush();
    expect(store.value.items).toEqual([4, 3]);
    store.push(50);
    store.flush();
    expect(store.value).toEqual({ items: [50], total: 5 });
    store.clear();
    store.push(10);
    store.flush();
    expect(store.value.items).toEqual([10]);
  });

  it('drops the oldest items beyond its capacity and tells its readers once per burst', async () => {
    const store = new ListStore<number>(3, 5);
    const changed = vi.fn();
    store.subscribe(changed);
    for (let i = 1; i <= 10_000; i++) store.push(i);
    expect(changed).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 20));
    expect(changed).toHaveBeenCalledTimes(1);
    expect(store.value.items).toEqual([9998, 9999, 10000]);
    expect(store.value.total).toBe(10_000);
    const before = store.value;
    store.clear();
    expect(store.value).not.toBe(before);
    expect(store.value.items).toEqual([]);
  });
});

describe('OutcomeStore', () => {
  it('keeps the newest action only: a late answer to an older one is dropped', async () => {
    const store = new OutcomeStore<string>();
    let finishOld!: (v: string) => void;
    const old = store.run('old', () => new Promise<string>((r) => (finishOld = r)));
    await store.run('new', async (progress) => {
      progress({ progress: 1, total: 2 });
      return 'fresh';
    });
    finishOld('stale');
    await old;
    expect(store.value).toMatchObject({ label: 'new', pending: false, result: 'fresh', progress: { progress: 1, total: 2 } });
  });

  it('keeps errors in the outcome with their code', async () => {
    const store = new OutcomeStore<string>();
    await store.run('x', async () => {
      throw { code: 'TIMED_OUT', message: 'too slow' };
    });
    expect(store.value).toMatchObject({ pending: false, error: { code: 'TIMED_OUT', message: 'too slow' } });
  });
});

describe('settings', () => {
  it('reads back what it saved and ignores what it cannot trust', () => {
    const saved = new Map<string, string>();
    const storage = { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v) };
    const settings = new SettingsStore(storage, false);
    settings.change({ theme: 'dark', deadlineMs: 2000 });
    settings.change({ deadlineMs: 5 }); // below the minimum: refused
    expect(new SettingsStore(storage, false).value).toEqual({ version: 1, theme: 'dark', deadlineMs: 2000 });
    expect(parseSettings('{"version":2,"theme":"dark"}')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('not json', true).theme).toBe('dark');
  });
});

describe('StatusStore', () => {
  it('moves through the stages and marks the active one failed on error', () => {
    const status = new StatusStore(0);
    status.stageDone('read', 5, 10);
    status.stageDone('transpile', 100, 110);
    expect(status.value.stages.map((s) => s.state)).toEqual(['done', 'done', 'active', 'pending', 'pending', 'pending']);
    status.failed({ code: 'INSTANTIATE_FAILED', message: 'no' });
    expect(status.value.phase).toBe('failed');
    expect(status.value.stages[2]).toMatchObject({ name: 'compile', state: 'failed' });
  });
});
