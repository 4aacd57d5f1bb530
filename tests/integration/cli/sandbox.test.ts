/**
 * The CLI's sandbox flags over stdio (issues #4, #5): --dir gives the
 * component an in-memory copy of a host directory, --allow-http opens
 * origins (a denied request fails inside the component and is one line on
 * our stderr), --memory caps linear memory. The `capabilities` example has
 * one tool per capability; `trap` has a tool that allocates without bound.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { connectStdio, runCli, type StdioSession } from '../../helpers/cli.js';
import { examplePath } from '../../helpers/examples.js';

const text = (t: string) => ({ content: [{ type: 'text', text: t }] });
const error = (t: string) => ({ content: [{ type: 'text', text: t }], isError: true });

const scratch = mkdtempSync(join(tmpdir(), 'wasi-mcp-sandbox-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('--dir: a copy of a host directory', () => {
  const host = join(scratch, 'data');
  let session: StdioSession;
  beforeAll(async () => {
    mkdirSync(join(host, 'sub'), { recursive: true });
    writeFileSync(join(host, 'a.txt'), 'hello from the host');
    writeFileSync(join(host, 'sub', 'b.txt'), 'ünïcode');
    // A link could lead outside the granted directory: it is left out.
    symlinkSync('/etc/passwd', join(host, 'passwd'));
    session = await connectStdio([examplePath('capabilities'), '--dir', `${host}:/data`]);
  });
  afterAll(async () => session?.close());
  const call = (name: string, args: Record<string, unknown> = {}) => session.client.callTool({ name, arguments: args });

  test('the component sees the directory at the guest path, without the link', async () => {
    expect(await call('list-dirs')).toEqual(
      text('{"/data":[{"name":"a.txt","type":"regular-file"},{"name":"sub","type":"directory"}]}'),
    );
    expect(await call('read-file', { path: '/data/a.txt' })).toEqual(text('hello from the host'));
    expect(await call('read-file', { path: '/data/sub/b.txt' })).toEqual(text('ünïcode'));
    expect(await call('read-file', { path: '/data/passwd' })).toEqual(error('read-file failed: no-entry'));
    expect(session.stderr()).toContain('wasi-mcp: --dir: left out 1 symbolic link(s) and special file(s)');
  });

  test('writes stay in the component: later calls see them, the host directory does not change', async () => {
    expect(await call('write-file', { path: '/data/a.txt', text: 'changed' })).toEqual(text('wrote 7 bytes to /data/a.txt'));
    expect(await call('write-file', { path: '/data/new.txt', text: 'new' })).toEqual(text('wrote 3 bytes to /data/new.txt'));
    expect(await call('read-file', { path: '/data/a.txt' })).toEqual(text('changed'));
    expect(readFileSync(join(host, 'a.txt'), 'utf8')).toBe('hello from the host');
    expect(readdirSync(host).sort()).toEqual(['a.txt', 'passwd', 'sub']);
  });
});

describe('--dir errors', () => {
  test('a missing directory is a usage error, before the component loads', async () => {
    const result = await runCli(['serve', examplePath('capabilities'), '--dir', join(scratch, 'nope')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`wasi-mcp: error DIR_NOT_FOUND: --dir ${join(scratch, 'nope')}: no such directory\n`);
  });

  test('a directory over the size limit is refused with the reason', async () => {
    const big = join(scratch, 'big');
    mkdirSync(big);
    // Sparse: 65 MiB long on paper, nothing written (the size is checked before reading).
    writeFileSync(join(big, 'huge.bin'), '');
    truncateSync(join(big, 'huge.bin'), 65 * 2 ** 20);
    const result = await runCli(['serve', examplePath('capabilities'), '--dir', `${big}:/big`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wasi-mcp: error DIR_TOO_LARGE: --dir \S+: over 64\.0 MiB of files; .*grant a smaller directory\n$/);
  });
});

describe('--allow-http', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer((req, res) => res.end(`hello from ${req.url}`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test('without it, a request is denied inside the component and named on stderr', async () => {
    const session = await connectStdio([examplePath('capabilities')]);
    try {
      const result = await session.client.callTool({ name: 'fetch', arguments: { url: `${origin}/x` } });
      expect(result).toEqual(error('denied: HTTP-request-denied'));
      await vi.waitFor(
        () =>
          expect(session.stderr()).toContain(
            `wasi-mcp: component: denied an HTTP request to ${origin} (grant it with --allow-http ${origin})\n`,
          ),
        { timeout: 10_000 },
      );
    } finally {
      await session.close();
    }
  });

  test('with it, the granted origin is reached and another one is still denied', async () => {
    const session = await connectStdio([examplePath('capabilities'), '--allow-http', origin]);
    try {
      const fetch = (url: string) => session.client.callTool({ name: 'fetch', arguments: { url } });
      expect(await fetch(`${origin}/granted`)).toEqual(text('status 200: hello from /granted'));
      const other = origin.replace('127.0.0.1', 'localhost');
      expect(await fetch(`${other}/x`)).toEqual(error('denied: HTTP-request-denied'));
      await vi.waitFor(() => expect(session.stderr()).toContain(`denied an HTTP request to ${other} `), { timeout: 10_000 });
    } finally {
      await session.close();
    }
  });
});

describe('--memory', () => {
  let session: StdioSession;
  beforeAll(async () => {
    session = await connectStdio([examplePath('trap'), '--memory', '96', '--timeout', '60000']);
  });
  afterAll(async () => session?.close());

  test('a component that outgrows it gets an error naming the limit, and the next call works', async () => {
    const failure = await session.client.callTool({ name: 'oom', arguments: {} }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(McpError);
    expect((failure as McpError).data).toMatchObject({ code: 'MEMORY_LIMIT' });
    expect((failure as McpError).message).toContain('limit 96 MiB per memory');
    expect(await session.client.callTool({ name: 'ok', arguments: {} })).toEqual(text('ok'));
  });
});
