/**
 * The page answers roots and URL-mode elicitation in both protocol eras: the roots the person
 * edits reach the everything component's `roots` tool (a roots/list request in 2025, an
 * input_required round in 2026-07-28), and a URL elicitation waits for the person's answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerSession } from '../../src/session/server-session.js';
import { startExampleSession } from '../helpers/example-session.js';

let session: ServerSession | undefined;
afterEach(() => session?.close());

const call = async (s: ServerSession, name: string) => {
  await s.callTool({ name, inputSchema: { type: 'object' } }, {});
  return s.toolCall.value;
};

describe.each(['2025-11-25', '2026-07-28'] as const)('%s', (era) => {
  it("gives the component the roots the person set", async () => {
    session = await startExampleSession('everything', era);
    expect((await call(session, 'roots'))?.result?.result.content).toEqual([{ type: 'text', text: 'no roots' }]);
    session.roots.set([{ uri: 'file:///home/ada/project', name: 'project' }, { uri: 'file:///tmp' }]);
    expect((await call(session, 'roots'))?.result?.result.content).toEqual([{ type: 'text', text: 'project (file:///home/ada/project), file:///tmp' }]);
    const listChanged = session.history.value.items.filter((e) => e.method === 'notifications/roots/list_changed');
    expect(listChanged).toHaveLength(era === '2025-11-25' ? 1 : 0);
  });

  it('asks the person about a URL elicitation and sends their answer', async () => {
    session = await startExampleSession('everything', era);
    const s = session;
    const pending = call(s, 'sign-in');
    await new Promise<void>((resolve) => {
      const check = () => s.clientRequests.value.length > 0 && resolve();
      s.clientRequests.addEventListener('change', check);
      check();
    });
    const [asked] = s.clientRequests.value;
    expect(asked).toMatchObject({ kind: 'url', params: { mode: 'url', url: 'https://example.com/sign-in?session=42' } });
    s.clientRequests.answer(asked!.key, 'url', { action: 'accept' });
    expect((await pending)?.result?.result.content).toEqual([{ type: 'text', text: 'You chose to accept.' }]);
  });
});
