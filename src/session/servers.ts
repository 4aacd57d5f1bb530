/** The servers loaded in this page, and which one the panels show. */
import type { FetchLike, Root } from '@modelcontextprotocol/client';
import type { HistoryEntry } from './entries.js';
import type { Era } from './era.js';
import type { SandboxConfig } from './sandbox.js';
import { ServerSession, type SessionTarget, type Spawner } from './server-session.js';
import type { ComponentSource, ServerSource } from './server-source.js';
import { Store } from './store.js';

export interface ServersState {
  sessions: readonly ServerSession[];
  selectedId: string | undefined;
}

export interface OpenRequest {
  /** A display name; made unique among the loaded servers. */
  name: string;
  origin: string;
  source: ComponentSource;
  read(): Promise<Uint8Array>;
}

/** A component to open from a URL (sources.ts fromUrl). */
export type UrlOpenRequest = OpenRequest & { source: { type: 'url'; url: string } };

/** What a server brings back from before a reload (src/session/workspace.ts). */
export interface Restored {
  era?: Era;
  sandbox?: SandboxConfig;
  history?: readonly HistoryEntry[];
  roots?: readonly Root[];
}

export interface ServersOptions {
  spawn: Spawner;
  /** The deadline of one request for servers opened from now on. */
  deadlineMs(): number;
  /** How a remote server is reached (the platform's fetch, which may explain a refusal). */
  fetch?: FetchLike;
}

export class ServersStore extends Store<ServersState> {
  readonly #options: ServersOptions;
  #next = 1;

  constructor(options: ServersOptions) {
    super({ sessions: [], selectedId: undefined });
    this.#options = options;
  }

  get selected(): ServerSession | undefined {
    return this.value.sessions.find((s) => s.id === this.value.selectedId);
  }

  /** Adds a component, selects it and starts loading it; resolves when it is ready or failed. */
  open(request: OpenRequest, restored: Restored = {}): Promise<void> {
    return this.#add(request.name, request.origin, request.source, { kind: 'component', read: request.read, spawn: this.#options.spawn }, restored);
  }

  /**
   * Selects the component already open from the same URL, or else opens it as `open` does: the
   * page's ?url= is there again after a reload, and the saved workspace has brought it back.
   */
  openUrl(request: UrlOpenRequest): Promise<void> {
    const same = this.value.sessions.find((s) => s.source.type === 'url' && s.source.url === request.source.url);
    if (!same) return this.open(request);
    this.select(same.id);
    return Promise.resolve();
  }

  /** Adds a server running at a Streamable HTTP URL, selects it and connects; resolves when it is ready or failed. */
  connect(url: string, restored: Restored = {}): Promise<void> {
    const { fetch } = this.#options;
    const name = (URL.canParse(url) && new URL(url).host) || url;
    return this.#add(name, url, { type: 'remote', url }, { kind: 'remote', url, ...(fetch ? { fetch } : {}) }, restored);
  }

  #add(name: string, origin: string, source: ServerSource, target: SessionTarget, restored: Restored): Promise<void> {
    const session = new ServerSession({
      id: `server-${this.#next++}`,
      name: this.#uniqueName(name),
      origin,
      source,
      target,
      deadlineMs: this.#options.deadlineMs(),
      ...restored,
    });
    this.set({ sessions: [...this.value.sessions, session], selectedId: session.id });
    return session.start();
  }

  select(id: string): void {
    if (this.value.sessions.some((s) => s.id === id)) this.set({ ...this.value, selectedId: id });
  }

  async remove(id: string): Promise<void> {
    const { sessions, selectedId } = this.value;
    const at = sessions.findIndex((s) => s.id === id);
    if (at < 0) return;
    const rest = sessions.filter((s) => s.id !== id);
    const nextSelected = selectedId === id ? (rest[Math.min(at, rest.length - 1)]?.id ?? undefined) : selectedId;
    this.set({ sessions: rest, selectedId: nextSelected });
    await sessions[at].close();
  }

  #uniqueName(name: string): string {
    const taken = new Set(this.value.sessions.map((s) => s.name));
    if (!taken.has(name)) return name;
    for (let n = 2; ; n++) if (!taken.has(`${name} (${n})`)) return `${name} (${n})`;
  }
}
