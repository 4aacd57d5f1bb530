/**
 * The `files` example, a component without wasi:mcp that exports
 * `list-directory` and `read-file`, served with a real host directory granted
 * as the CLI's --dir grants it (nodePlatform's dirs): it reads what is inside
 * and nothing outside, and a WASI failure comes back as the err of its result.
 * `read-file` reads through a stream with blocking-read, which under JSPI
 * (Node 24) suspends: it works only because the host enters plain exports as
 * WebAssembly.promising (src/host/plain/index.ts promisingExports).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodePlatform } from '../../src/platform/node/platform.js';
import { exampleBytes } from '../helpers/examples.js';
import { connect, type Connected } from '../helpers/in-memory.js';

const scratch = mkdtempSync(join(tmpdir(), 'wasi-mcp-plain-files-'));
const data = join(scratch, 'data');
const outside = join(scratch, 'outside');

beforeAll(() => {
  mkdirSync(join(data, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(data, 'a.txt'), 'alpha\n');
  writeFileSync(join(data, 'sub', 'b.txt'), 'beta');
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  symlinkSync(join(outside, 'secret.txt'), join(data, 'escape.txt'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const err = (r: Record<string, unknown>) => {
  expect(r.isError).toBe(true);
  return JSON.parse((r.content as { text: string }[])[0].text).err as string;
};

describe('with a directory granted read-only at /data', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect(exampleBytes('files'), { platform: await nodePlatform({ dirs: [{ host: data, guest: '/data', readOnly: true }] }) });
  });
  afterAll(async () => c?.close());
  const call = (name: string, path: string) => c.client.callTool({ name, arguments: { path } });

  it('serves its two exported functions as tools with derived schemas', async () => {
    const { tools } = await c.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['list-directory', 'read-file']);
    expect(tools[1].inputSchema).toEqual({
      type: 'object',
      properties: { path: { description: 'string', type: 'string' } },
      required: ['path'],
      additionalProperties: false,
    });
    expect(tools[0].outputSchema).toEqual({
      type: 'object',
      properties: { result: { type: 'array', items: { type: 'string' } } },
      required: ['result'],
      additionalProperties: false,
    });
  });

  it('lists and reads what is inside', async () => {
    expect((await call('list-directory', '/data')).structuredContent).toEqual({ result: ['a.txt', 'escape.txt', 'sub'] });
    expect((await call('list-directory', '/data/sub')).structuredContent).toEqual({ result: ['b.txt'] });
    expect(await call('read-file', '/data/a.txt')).toEqual({
      content: [{ type: 'text', text: '"alpha\\n"' }],
      structuredContent: { result: 'alpha\n' },
    });
    expect((await call('read-file', '/data/sub/b.txt')).structuredContent).toEqual({ result: 'beta' });
  });

  it('cannot read outside it, by .., by a link or by another path', async () => {
    expect(err(await call('read-file', '/data/../outside/secret.txt'))).toMatch(/^cannot read \/data\/\.\.\/outside\/secret\.txt: /);
    expect(err(await call('read-file', '/data/escape.txt'))).toMatch(/^cannot read \/data\/escape\.txt: /);
    expect(err(await call('read-file', `${outside}/secret.txt`))).toBe(`no granted directory holds ${outside}/secret.txt`);
    expect(err(await call('list-directory', '/data/..'))).toMatch(/^cannot list \/data\/\.\.: /);
  });

  it('reports a missing file as the err of its result', async () => {
    expect(err(await call('read-file', '/data/none.txt'))).toBe('cannot read /data/none.txt: no-entry');
  });
});

describe('with nothing granted', () => {
  it('sees no directory at all', async () => {
    const c = await connect(exampleBytes('files'));
    try {
      expect(err(await c.client.callTool({ name: 'read-file', arguments: { path: '/data/a.txt' } }))).toBe(
        'no granted directory holds /data/a.txt',
      );
    } finally {
      await c.close();
    }
  });
});
