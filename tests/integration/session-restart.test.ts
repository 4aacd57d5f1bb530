/**
 * "Restart keeps the session": the log level and resource
 * subscriptions live in the component's server, so a restart, by hand or by
 * the supervisor, must hand them to the new component.
 */
import { afterEach, expect, it } from 'vitest';
import { ServerSession } from '../../src/session/server-session.js';
import { exampleBytes } from '../helpers/examples.js';
import { inThread } from '../helpers/in-thread.js';

let session: ServerSession | undefined;
afterEach(() => session?.close());

async function notify(s: ServerSession): Promise<string> {
  await s.callTool({ name: 'notify', inputSchema: { type: 'object' } }, {});
  return JSON.stringify(s.toolCall.value?.result);
}

it('keeps a resource subscription across a restart by hand', async () => {
  const bytes = exampleBytes('everything');
  session = new ServerSession({
    id: 's1',
    name: 'everything',
    origin: 'test',
    source: { type: 'file', name: 'test' },
    target: { kind: 'component', read: async () => bytes, spawn: inThread },
    deadlineMs: 30_000,
  });
  await session.start();
  expect(session.status.value.phase).toBe('ready');
  await session.setSubscribed('mem://watched', true);
  expect(await notify(session)).toMatch(/version \d+, subscribed\)/);
  await session.restart('a test');
  expect(session.status.value.phase).toBe('ready');
  expect(await notify(session)).toMatch(/version \d+, subscribed\)/);
});
