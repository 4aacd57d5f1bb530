/**
 * An oversized message end to end. A real component (the many-tools example
 * answers with its arguments, JSON-escaped once more) is made to produce a
 * result over the 4 MiB limit from a request under it; the worker's transport
 * answers with an error for that request, and the server goes on. Served by
 * `wasi-mcp serve` over stdio to the official SDK Client. The floods example's
 * `control` answers 20 MiB of control characters (120 MiB once escaped): the
 * same error, not a timeout.
 */
import { expect, test } from 'vitest';
import { connectStdio } from '../../helpers/cli.js';
import { examplePath } from '../../helpers/examples.js';

test('a tool result over 4 MiB comes back as a -32603 error naming the limit, and the next call works', async () => {
  const session = await connectStdio([examplePath('many-tools')]);
  try {
    // 1.5 M quotes: about 3 MiB of request, about 6 MiB of result (each quote escaped twice).
    const id = '"'.repeat(1_500_000);
    await expect(session.client.callTool({ name: 'get_account', arguments: { id } }, { timeout: 60_000 })).rejects.toMatchObject({
      code: -32603,
      message: expect.stringMatching(/The response is too large to send: it is \d+ characters of JSON; a message may have at most 4194304/),
      data: { code: 'MESSAGE_TOO_LARGE', limit: 4194304 },
    });
    const result = await session.client.callTool({ name: 'get_account', arguments: { id: 'a-1' } });
    expect(result.content).toEqual([{ type: 'text', text: 'get_account called with {"id":"a-1"}' }]);
  } finally {
    await session.close();
  }
});

test('20 MiB of control characters is refused as too large, at once rather than at the deadline', async () => {
  // A deadline long enough to tell "at once" from "at the deadline" by the error it ends with.
  const session = await connectStdio([examplePath('floods'), '--timeout', '60000']);
  try {
    await expect(session.client.callTool({ name: 'control', arguments: {} }, { timeout: 120_000 })).rejects.toMatchObject({
      code: -32603,
      data: { code: 'MESSAGE_TOO_LARGE', limit: 4194304 },
    });
    expect(await session.client.callTool({ name: 'log', arguments: {} })).toEqual({ content: [] });
  } finally {
    await session.close();
  }
}, 180_000);
