/**
 * A second build of a loaded server, its "next version", kept beside it and
 * out of the server list: its own worker and session, the difference in what
 * the two registered, and the answers a collection got from each
 * (src/collections/diff.ts).
 */
import type { Collection } from '../collections/format.js';
import { diffAnswers, diffRegistrations, type AnswerDiff, type RegistrationDiff } from '../collections/diff.js';
import { clientPeer, type Peer } from '../collections/peer.js';
import { readRegistration } from '../collections/registration.js';
import { runCollection, type CollectionRun } from '../collections/run.js';
import { OutcomeStore } from './outcome.js';
import { ServerSession, type Spawner } from './server-session.js';
import type { OpenRequest, ServersStore } from './servers.js';
import { Store } from './store.js';

export interface AnswerComparison {
  collection: string;
  calls: number;
  diffs: AnswerDiff[];
  runs: { old: CollectionRun; next: CollectionRun };
}

export class NextVersion {
  readonly session: ServerSession;
  readonly registration = new OutcomeStore<RegistrationDiff>();
  readonly answers = new OutcomeStore<AnswerComparison>();
  readonly #main: ServerSession;

  constructor(main: ServerSession, session: ServerSession) {
    this.#main = main;
    this.session = session;
  }

  compareRegistrations(): Promise<void> {
    return this.registration.run('registration', async () => {
      const old = await readRegistration(peerOf(this.#main));
      return diffRegistrations(old, await readRegistration(peerOf(this.session)));
    });
  }

  /** Runs the collection on the current version, then on the next (one at a time, as `wasi-mcp diff` does). */
  compareAnswers(collection: Collection): Promise<void> {
    return this.answers.run(collection.name, async () => {
      const old = await runCollection(peerOf(this.#main), collection);
      const next = await runCollection(peerOf(this.session), collection);
      return { collection: collection.name, calls: collection.calls.length, diffs: diffAnswers(old, next), runs: { old, next } };
    });
  }
}

/**
 * A session as collections use it. The SDK's default request timeout (60 s)
 * applies; the session's supervisor stops a component at its own deadline
 * (the Sandbox tab's), which is shorter unless set above a minute.
 */
export const peerOf = (session: ServerSession): Peer => clientPeer(session.client);

/** The next version of each loaded server that has one, by the server's id. */
export class NextVersionsStore extends Store<ReadonlyMap<string, NextVersion>> {
  readonly #spawn: Spawner;
  readonly #deadlineMs: () => number;
  #next = 1;

  constructor(servers: ServersStore, spawn: Spawner, deadlineMs: () => number) {
    super(new Map());
    this.#spawn = spawn;
    this.#deadlineMs = deadlineMs;
    // A server closed in the list takes its next version with it.
    servers.subscribe(() => {
      const open = new Set(servers.value.sessions.map((s) => s.id));
      for (const id of this.value.keys()) if (!open.has(id)) void this.close(id);
    });
  }

  /** Replaces the next version of `main`, loads it and, once it is ready, compares what the two registered. */
  async load(main: ServerSession, request: OpenRequest): Promise<void> {
    await this.close(main.id);
    const session = new ServerSession({
      id: `${main.id}-next-${this.#next++}`,
      name: `${main.name} (next)`,
      origin: request.origin,
      source: request.source,
      target: { kind: 'component', read: request.read, spawn: this.#spawn },
      deadlineMs: this.#deadlineMs(),
    });
    const version = new NextVersion(main, session);
    this.set(new Map([...this.value, [main.id, version]]));
    await session.start();
    if (session.status.value.phase === 'ready' && this.value.get(main.id) === version) await version.compareRegistrations();
  }

  async close(mainId: string): Promise<void> {
    const version = this.value.get(mainId);
    if (!version) return;
    const rest = new Map(this.value);
    rest.delete(mainId);
    this.set(rest);
    await version.session.close();
  }
}
