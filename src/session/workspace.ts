/**
 * The workspace that survives a reload: the servers open in the page, each
 * with its protocol era, sandbox settings and newest history, saved a moment
 * after any of them changes and opened again when the page starts. What is
 * kept is workspace-record.ts; where, the platform's WorkspaceStorage.
 * Closing a server forgets it; forget() forgets them all.
 */
import { sha256 } from '../host/digest.js';
import type { SandboxConfig, SandboxFile } from './sandbox.js';
import type { ServerSession } from './server-session.js';
import type { OpenRequest, Restored, ServersStore } from './servers.js';
import { fromExample, fromUrl, ReadError, type Example } from './sources.js';
import { Store } from './store.js';
import {
  historyToSave,
  parseWorkspace,
  toHistoryEntry,
  type SavedSandbox,
  type SavedServer,
  type SavedSource,
  type WorkspaceRecord,
} from './workspace-record.js';

export interface WorkspaceStorage {
  /** The stored record as it is, for parseWorkspace; undefined when there is none. */
  load(): Promise<unknown>;
  /** Stores the record and the files it names by SHA-256, and drops the files it no longer names. */
  save(record: WorkspaceRecord, files: ReadonlyMap<string, Uint8Array>): Promise<void>;
  readFile(sha256: string): Promise<Uint8Array | undefined>;
  clear(): Promise<void>;
}

export type SaveState =
  | { phase: 'restoring' | 'idle' | 'pending' | 'saved' }
  | { phase: 'failed'; error: string };

export interface WorkspaceOptions {
  servers: ServersStore;
  storage: WorkspaceStorage;
  /** The bundled examples, which the record names. */
  examples: readonly Example[];
  base: string;
  /** How long after a change the workspace is saved (changes in between are saved together). */
  delayMs?: number;
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class WorkspaceStore extends Store<SaveState> {
  readonly #options: WorkspaceOptions;
  readonly #watched = new Map<ServerSession, () => void>();
  readonly #hashes = new WeakMap<Uint8Array, Promise<string>>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> = Promise.resolve();

  constructor(options: WorkspaceOptions) {
    super({ phase: 'restoring' });
    this.#options = options;
  }

  /** Opens the saved servers again (they load as usual), then saves on every change. Never rejects. */
  async restore(): Promise<void> {
    let record: WorkspaceRecord;
    try {
      record = parseWorkspace(await this.#options.storage.load());
    } catch (e) {
      // Saving now would replace a workspace that may still be there (another tab holding the
      // database at an older version, say): this page neither restores nor saves.
      this.set({ phase: 'failed', error: `the saved workspace could not be read (${describe(e)}); this page will not save it` });
      return;
    }
    const { servers } = this.#options;
    for (const saved of record.servers) {
      const restored: Restored = { era: saved.era, history: saved.history.map(toHistoryEntry), ...(saved.roots ? { roots: saved.roots } : {}) };
      if (saved.sandbox) restored.sandbox = await this.#sandboxOf(saved.sandbox);
      const source = saved.source;
      void (source.type === 'remote' ? servers.connect(source.url, restored) : servers.open(this.#request(saved.name, source), restored));
    }
    const selected = record.selected === undefined ? undefined : servers.value.sessions[record.selected];
    if (selected) servers.select(selected.id);
    servers.subscribe(() => this.#watch());
    this.#watch();
    this.set({ phase: 'idle' });
  }

  /** Closes every server and erases what was saved. */
  async forget(): Promise<void> {
    const { servers, storage } = this.#options;
    await Promise.all(servers.value.sessions.map((s) => servers.remove(s.id)));
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#saving;
    try {
      await storage.clear();
      this.set({ phase: 'idle' });
    } catch (e) {
      this.set({ phase: 'failed', error: describe(e) });
    }
  }

  /** Follows the changes of every open server (and stops following closed ones); any change is saved. */
  #watch(): void {
    const open = new Set(this.#options.servers.value.sessions);
    for (const [session, stop] of this.#watched) {
      if (!open.has(session)) {
        stop();
        this.#watched.delete(session);
      }
    }
    for (const session of open) {
      if (this.#watched.has(session)) continue;
      const stores = [session.era, session.sandbox.config, session.history, session.status, session.roots];
      const stops = stores.map((store) => store.subscribe(() => this.#schedule()));
      this.#watched.set(session, () => stops.forEach((stop) => stop()));
    }
    this.#schedule();
  }

  #schedule(): void {
    if (this.value.phase === 'restoring') return;
    if (this.value.phase !== 'pending') this.set({ phase: 'pending' });
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#saving = this.#saving.then(() => this.#save());
    }, this.#options.delayMs ?? 300);
  }

  async #save(): Promise<void> {
    try {
      const files = new Map<string, Uint8Array>();
      const record = await this.#record(files);
      await this.#options.storage.save(record, files);
      // A change that came in meanwhile has its own save coming.
      if (this.#timer === undefined) this.set({ phase: 'saved' });
    } catch (e) {
      this.set({ phase: 'failed', error: describe(e) });
    }
  }

  async #record(files: Map<string, Uint8Array>): Promise<WorkspaceRecord> {
    const { sessions, selectedId } = this.#options.servers.value;
    const servers: SavedServer[] = [];
    let selected: number | undefined;
    for (const session of sessions) {
      const source = await this.#savedSource(session, files);
      if (!source) continue;
      if (session.id === selectedId) selected = servers.length;
      const sandbox = session.kind === 'component' ? await this.#savedSandbox(session.sandbox.config.value, files) : undefined;
      servers.push({
        name: session.name,
        source,
        era: session.era.value,
        ...(sandbox ? { sandbox } : {}),
        history: historyToSave(session.history.value.items),
        ...(session.roots.value.length > 0 ? { roots: session.roots.value.map((r) => ({ uri: r.uri, ...(r.name === undefined ? {} : { name: r.name }) })) } : {}),
      });
    }
    return selected === undefined ? { version: 1, servers } : { version: 1, servers, selected };
  }

  /** A file is kept by its bytes; one whose bytes were never read cannot come back, and is not saved. */
  async #savedSource(session: ServerSession, files: Map<string, Uint8Array>): Promise<SavedSource | undefined> {
    const source = session.source;
    if (source.type !== 'file') return source;
    if (!session.bytes) return undefined;
    return { type: 'file', name: source.name, sha256: await this.#keep(session.bytes, files) };
  }

  async #savedSandbox(config: SandboxConfig, files: Map<string, Uint8Array>): Promise<SavedSandbox> {
    const saved = await Promise.all(config.files.map(async (f) => ({ name: f.name, sha256: await this.#keep(f.bytes, files) })));
    return { ...config, env: { ...config.env }, files: saved, httpOrigins: [...config.httpOrigins] };
  }

  async #keep(bytes: Uint8Array, files: Map<string, Uint8Array>): Promise<string> {
    let hash = this.#hashes.get(bytes);
    if (!hash) {
      hash = sha256(bytes);
      this.#hashes.set(bytes, hash);
    }
    files.set(await hash, bytes);
    return hash;
  }

  /** A saved sandbox file whose bytes are gone is left out: the rest of the settings still apply. */
  async #sandboxOf(saved: SavedSandbox): Promise<SandboxConfig> {
    const files: SandboxFile[] = [];
    for (const file of saved.files) {
      const bytes = await this.#options.storage.readFile(file.sha256).catch(() => undefined);
      if (bytes) files.push({ name: file.name, bytes });
    }
    return { ...saved, files };
  }

  #request(name: string, source: Exclude<SavedSource, { type: 'remote' }>): OpenRequest {
    const { examples, base, storage } = this.#options;
    if (source.type === 'url') return { ...fromUrl(source.url, base), name };
    if (source.type === 'example') {
      const example = examples.find((e) => e.name === source.name);
      if (example) return { ...fromExample(example, base), name };
      const gone = new ReadError(`the example ${source.name} is no longer bundled with this page`);
      return { name, origin: `example ${source.name}`, source, read: () => Promise.reject(gone) };
    }
    return {
      name,
      origin: `file ${source.name}`,
      source: { type: 'file', name: source.name },
      read: async () => {
        const bytes = await storage.readFile(source.sha256);
        if (!bytes) throw new ReadError(`the saved copy of ${source.name} is gone: open the file again`);
        return bytes;
      },
    };
  }
}
