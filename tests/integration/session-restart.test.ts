/**
 * "Restart keeps the session": the log level and resource
 * subscriptions live in the component's server, so a restart, by hand or by
 * the supervisor, must hand them to the new component.
 */
import { afterEach, expect, it } from 'vitest';
import type { ServerSession } from '../../src/session/server-session.js';
import { startExampleSession } from '../helpers/example-session.js';

let session: ServerSession | undefined;
afterEach(() => session?.close());

async function notify(s: ServerSession): Promise<string> {
  await s.callTool({ name: 'notify', inputSchema: { type: 'object' } }, {});
  return JSON.stringify(s.toolCall.value?.result);
}

it('keeps a resource subscription across a restart by hand', async () => {
  session = await startExampleSession('everything');
  await session.setSubscribed('mem://watched', true);
  expect(await notify(session)).toMatch(/version \d+, subscribed\)/);
  await session.restart('a test');
  expect(session.status.value.phase).toBe('ready');
  expect(await notify(session)).toMatch(/version \d+, subscribed\)/);
});
