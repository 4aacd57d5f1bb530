/**
 * Components without wasi:mcp through the built CLI: `inspect` reports the
 * tools derived from their exports, and `serve --dir` serves the `files`
 * example over stdio with a real directory, confined to it, to the SDK Client.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectStdio, runCli, type StdioSession } from '../../helpers/cli.js';
import { examplePath } from '../../helpers/examples.js';

const scratch = mkdtempSync(join(tmpdir(), 'wasi-mcp-cli-plain-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('inspect shows the tools derived from a plain component', async () => {
  const result = await runCli(['inspect', examplePath('typed')], 60_000);
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout) as {
    world: { exports: string[] };
    server: { name: string };
    instructions: string;
    tools: { name: string; description: string; inputSchema: Record<string, unknown>; outputSchema?: Record<string, unknown> }[];
  };
  expect(report.world.exports).toEqual(expect.arrayContaining(['greet()', 'example:plain/ops']));
  expect(report.server.name).toBe('example:plain');
  expect(report.instructions).toMatch(/does not implement wasi:mcp/);
  expect(report.tools).toHaveLength(18);
  expect(report.tools.find((t) => t.name === 'ops.next-color')).toEqual({
    name: 'ops.next-color',
    description: 'Calls next-color of the exported interface example:plain/ops: func(c: color) -> color',
    inputSchema: {
      type: 'object',
      properties: { c: { description: 'color', type: 'string', enum: ['red', 'green', 'blue'] } },
      required: ['c'],
      additionalProperties: false,
    },
    outputSchema: {
      type: 'object',
      properties: { result: { type: 'string', enum: ['red', 'green', 'blue'] } },
      required: ['result'],
      additionalProperties: false,
    },
  });
});

describe('serve --dir', () => {
  let session: StdioSession;
  const granted = join(scratch, 'granted');
  beforeAll(async () => {
    mkdirSync(granted);
    writeFileSync(join(granted, 'note.txt'), 'from the host');
    writeFileSync(join(scratch, 'secret.txt'), 'not granted');
    session = await connectStdio([examplePath('files'), '--dir', `${granted}:/data:ro`]);
  });
  afterAll(async () => session?.close());
  const call = (name: string, path: string) => session.client.callTool({ name, arguments: { path } });

  test('reads the granted directory and nothing beside it', async () => {
    expect((await call('list-directory', '/data')).structuredContent).toEqual({ result: ['note.txt'] });
    expect((await call('read-file', '/data/note.txt')).structuredContent).toEqual({ result: 'from the host' });
    const outside = await call('read-file', '/data/../secret.txt');
    expect(outside.isError).toBe(true);
    expect((outside.content as { text: string }[])[0].text).toMatch(/^\{"err":"cannot read \/data\/\.\.\/secret\.txt: /);
  });
});
