/** The servers loaded in this page, and which one the panels show. */
import { ServerSession, type Spawner } from './server-session.js';
import { Store } from './store.js';

export interface ServersState {
  sessions: readonly ServerSession[];
  selectedId: string | undefined;
}

export interface OpenRequest {
  /** A display name; made unique among the loaded servers. */
  name: string;
  origin: string;
  read(): Promise<Uint8Array>;
}

export class ServersStore extends Store<ServersState> {
  readonly #spawn: Spawner;
  readonly #deadlineMs: () => number;
  #next = 1;

  constructor(spawn: Spawner, deadlineMs: () => number) {
    super({ sessions: [], selectedId: undefined });
    this.#spawn = spawn;
    this.#deadlineMs = deadlineMs;
  }

  get selected(): ServerSession | undefined {
    return this.value.sessions.find((s) => s.id === this.value.selectedId);
  }

  /** Adds a server, selects it and starts loading it; resolves when it is ready or failed. */
  open(request: OpenRequest): Promise<void> {
    const session = new ServerSession({
      id: `server-${this.#next++}`,
      name: this.#uniqueName(request.name),
      origin: request.origin,
      read: request.read,
      spawn: this.#spawn,
      deadlineMs: this.#deadlineMs(),
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
