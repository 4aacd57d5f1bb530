/**
 * A component runs one call at a time, so calls sent together wait for each other. The deadline
 * (--timeout) is for running, not for waiting in line: six calls of 1 s each, sent at once with
 * a 3 s deadline, all finish and the component is never restarted. A call that runs past its
 * deadline is still stopped, and the one waiting behind it then gets its own full deadline. The
 * same holds for 2026-07-28 clients over HTTP, whose requests share one component.
 */
import { afterEach, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { connectStdio, startHttp, testClient, type StdioSession } from '../../helpers/cli.js';
import { examplePath } from '../../helpers/examples.js';

let session: StdioSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const text = (r: CallToolResult) => (r.content[0] as { text: string }).text;

it('counts a call’s deadline from when it starts running, not while it waits behind others', async () => {
  session = await connectStdio([examplePath('conformance'), '--timeout', '3000']);
  const { client } = session;
  const calls = Array.from({ length: 6 }, (_, i) =>
    client.callTool({ name: 'slow_compute', arguments: { seconds: 1, label: `call ${i}` } }, { timeout: 60_000 }),
  );
  const results = await Promise.allSettled(calls);
  const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`call ${i}: ${(r.reason as Error).message}`] : []));
  expect(failed).toEqual([]);
  expect(results.map((r) => (r.status === 'fulfilled' ? text(r.value as CallToolResult) : ''))).toEqual(
    Array.from({ length: 6 }, (_, i) => `Computed call ${i} in 1 s`),
  );
  expect(session.stderr()).not.toMatch(/restart/i);
}, 60_000);

it('still stops a call that runs past its deadline; the call behind it then has a full deadline', async () => {
  session = await connectStdio([examplePath('conformance'), '--timeout', '3000']);
  const { client } = session;
  const runaway = client.callTool({ name: 'slow_compute', arguments: { seconds: 30 } }, { timeout: 60_000 });
  const behind = client.callTool({ name: 'slow_compute', arguments: { seconds: 1, label: 'behind' } }, { timeout: 60_000 });
  await expect(runaway).rejects.toMatchObject({ code: -32001 });
  expect(text((await behind) as CallToolResult)).toBe('Computed behind in 1 s');
}, 60_000);

it('counts it the same way for 2026-07-28 requests over HTTP', async () => {
  const server = await startHttp([examplePath('conformance'), '--timeout', '3000']);
  const client = testClient({ era: 'modern' });
  try {
    await client.connect(new StreamableHTTPClientTransport(server.url));
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        client.callTool({ name: 'slow_compute', arguments: { seconds: 1, label: `call ${i}` } }, { timeout: 60_000 }),
      ),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`call ${i}: ${(r.reason as Error).message}`] : []));
    expect(failed).toEqual([]);
    expect(server.stderr()).not.toMatch(/restart/i);
  } finally {
    await client.close();
    await server.stop();
  }
}, 60_000);
