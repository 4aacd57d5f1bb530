/**
 * The saved workspace, with the page's stores and real components in this
 * thread and storage in memory: what a reload brings back, and forgetting it.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { defaultSandbox } from '../../src/session/sandbox.js';
import { ServersStore } from '../../src/session/servers.js';
import { WorkspaceStore, type WorkspaceStorage } from '../../src/session/workspace.js';
import type { WorkspaceRecord } from '../../src/session/workspace-record.js';
import { exampleBytes } from '../helpers/examples.js';
import { inThread } from '../helpers/in-thread.js';

/** Kept as IndexedDB keeps it: a structured clone of the record. */
function memoryStorage(): WorkspaceStorage & { record: unknown; files: Map<string, Uint8Array> } {
  const storage = {
    record: undefined as unknown,
    files: new Map<string, Uint8Array>(),
    load: () => Promise.resolve(storage.record),
    save: (record: WorkspaceRecord, files: ReadonlyMap<string, Uint8Array>) => {
      storage.record = structuredClone(record);
      storage.files = new Map(files);
      return Promise.resolve();
    },
    readFile: (hash: string) => Promise.resolve(storage.files.get(hash)),
    clear: () => {
      storage.record = undefined;
      storage.files.clear();
      return Promise.resolve();
    },
  };
  return storage;
}

const pages: ServersStore[] = [];
afterEach(async () => {
  await Promise.all(pages.flatMap((servers) => servers.value.sessions.map((s) => servers.remove(s.id))));
  pages.length = 0;
});

/** One page load: its servers and workspace, restored from `storage`. */
async function load(storage: WorkspaceStorage) {
  const servers = new ServersStore({ spawn: inThread, deadlineMs: () => 30_000 });
  pages.push(servers);
  const workspace = new WorkspaceStore({ servers, storage, examples: [], base: 'http://127.0.0.1/', delayMs: 10 });
  await workspace.restore();
  return { servers, workspace };
}

const ready = (servers: ServersStore) =>
  vi.waitFor(() => expect(servers.value.sessions.map((s) => s.status.value.phase)).toEqual(servers.value.sessions.map(() => 'ready')), { timeout: 60_000 });

test('a dropped file comes back with its era, sandbox, roots and history; forgetting empties it', async () => {
  const storage = memoryStorage();
  const first = await load(storage);
  const bytes = exampleBytes('capabilities');
  await first.servers.open({ name: 'capabilities', origin: 'file capabilities.wasm', source: { type: 'file', name: 'capabilities.wasm' }, read: async () => bytes });
  const session = first.servers.value.sessions[0];
  await session.applySandbox({ ...defaultSandbox(30_000), env: { GREETING: 'hello' } });
  await session.setEra('2026-07-28');
  session.roots.set([{ uri: 'file:///home/ada/project', name: 'project' }]);
  await session.callTool({ name: 'env', inputSchema: { type: 'object' } }, {});
  session.history.flush();
  await vi.waitFor(() => expect(first.workspace.value.phase).toBe('saved'));
  expect(storage.files.size).toBe(1);

  const second = await load(storage);
  const back = second.servers.value.sessions[0];
  expect(back.name).toBe('capabilities');
  expect(back.era.value).toBe('2026-07-28');
  expect(back.sandbox.config.value.env).toEqual({ GREETING: 'hello' });
  expect(back.roots.value).toEqual([{ uri: 'file:///home/ada/project', name: 'project' }]);
  expect(back.history.value.items.some((e) => e.direction === 'in' && e.method === 'tools/call')).toBe(true);
  await ready(second.servers);
  expect(back.status.value.info?.protocolVersion).toBe('2026-07-28');

  await second.workspace.forget();
  expect(second.servers.value.sessions).toEqual([]);
  expect(storage.record).toBeUndefined();
  expect(storage.files.size).toBe(0);
  const third = await load(storage);
  expect(third.servers.value.sessions).toEqual([]);
});

test('closing a server forgets it and the file it kept', async () => {
  const storage = memoryStorage();
  const { servers, workspace } = await load(storage);
  const bytes = exampleBytes('echo');
  await servers.open({ name: 'echo', origin: 'file echo.wasm', source: { type: 'file', name: 'echo.wasm' }, read: async () => bytes });
  await vi.waitFor(() => expect(workspace.value.phase).toBe('saved'));
  expect(storage.files.size).toBe(1);
  await servers.remove(servers.value.sessions[0].id);
  await vi.waitFor(() => expect(storage.record).toEqual({ version: 1, servers: [] }));
  expect(storage.files.size).toBe(0);
});

test('a saved file whose bytes are gone comes back failed, saying to open it again', async () => {
  const storage = memoryStorage();
  storage.record = {
    version: 1,
    servers: [{ name: 'lost', source: { type: 'file', name: 'lost.wasm', sha256: 'b'.repeat(64) }, era: '2025-11-25', history: [] }],
  };
  const { servers } = await load(storage);
  const session = servers.value.sessions[0];
  await vi.waitFor(() => expect(session.status.value.phase).toBe('failed'));
  expect(session.status.value.error).toMatchObject({ code: 'READ_FAILED', message: expect.stringContaining('open the file again') });
});

test('storage that cannot be read restores nothing and saves nothing over it', async () => {
  const storage = memoryStorage();
  storage.load = () => Promise.reject(new Error('the page database is held at an older version by another tab'));
  const save = vi.spyOn(storage, 'save');
  const { servers, workspace } = await load(storage);
  expect(workspace.value).toMatchObject({ phase: 'failed', error: expect.stringContaining('held at an older version') });
  const bytes = exampleBytes('echo');
  await servers.open({ name: 'echo', origin: 'file echo.wasm', source: { type: 'file', name: 'echo.wasm' }, read: async () => bytes });
  // Loading took far longer than the 10 ms a change waits before it is saved.
  expect(servers.value.sessions[0].status.value.phase).toBe('ready');
  expect(save).not.toHaveBeenCalled();
});
