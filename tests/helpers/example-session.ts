/** A ServerSession on one example component, its worker code run in this thread (in-thread.ts). */
import type { Era } from '../../src/session/era.js';
import { ServerSession } from '../../src/session/server-session.js';
import { exampleBytes } from './examples.js';
import { inThread } from './in-thread.js';

/** Starts the session, and fails unless the component is ready. */
export async function startExampleSession(example: string, era?: Era): Promise<ServerSession> {
  const bytes = exampleBytes(example);
  const session = new ServerSession({
    id: 's1',
    name: example,
    origin: 'test',
    source: { type: 'file', name: 'test' },
    target: { kind: 'component', read: async () => bytes, spawn: inThread },
    deadlineMs: 30_000,
    era,
  });
  await session.start();
  const status = session.status.value;
  if (status.phase !== 'ready') {
    await session.close();
    throw new Error(`${example} did not start: ${status.phase}${status.error ? ` (${status.error.message})` : ''}`);
  }
  return session;
}
