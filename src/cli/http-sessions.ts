/**
 * The open Streamable HTTP sessions. Each holds a component worker (about
 * 90 MB for a QuickJS component, more for SpiderMonkey), and most clients
 * never send DELETE (the SDK's Client.close() does not), so a session with
 * no request or stream open for `idleMs` is closed and its worker freed. A
 * client that comes back after that gets 404 and initializes again, as the
 * MCP spec has it.
 */
import type { ServerResponse } from 'node:http';
import type { NodeStreamableHTTPServerTransport } from '@modelcontextprotocol/node';
import type { Pipe } from './pipe.js';

export interface Session {
  who: string;
  http: NodeStreamableHTTPServerTransport;
  pipe: Pipe;
  /** HTTP responses in progress (a GET stream stays open while its client listens). */
  active: number;
  lastSeen: number;
}

export class Sessions {
  readonly #byId = new Map<string, Session>();
  readonly #idleMs: number;
  readonly #sweeper: ReturnType<typeof setInterval>;

  constructor(idleMs: number, onIdle: (session: Session) => void) {
    this.#idleMs = idleMs;
    this.#sweeper = setInterval(() => {
      const now = Date.now();
      for (const session of this.#byId.values()) {
        if (session.active === 0 && now - session.lastSeen >= this.#idleMs) onIdle(session);
      }
    }, Math.min(60_000, Math.max(50, idleMs / 4)));
    this.#sweeper.unref();
  }

  /** Sessions open now, and those being opened (counted by the caller). */
  get size(): number {
    return this.#byId.size;
  }

  get(id: string): Session | undefined {
    return this.#byId.get(id);
  }

  add(id: string, session: Session): void {
    this.#byId.set(id, session);
  }

  delete(id: string): void {
    this.#byId.delete(id);
  }

  /** Counts `res` as activity of `session` until it closes. */
  track(session: Session, res: ServerResponse): void {
    session.active += 1;
    session.lastSeen = Date.now();
    res.once('close', () => {
      session.active -= 1;
      session.lastSeen = Date.now();
    });
  }

  async closeAll(): Promise<void> {
    clearInterval(this.#sweeper);
    await Promise.allSettled([...this.#byId.values()].map((s) => s.pipe.close()));
  }
}
