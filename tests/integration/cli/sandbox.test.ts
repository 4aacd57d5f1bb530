/**
 * The CLI's sandbox flags over stdio: --dir gives the component a real
 * host directory, confined to it (read-only with :ro),
 * --allow-http opens origins (a denied request fails inside the component
 * and is one line on our stderr), --memory caps linear memory. The `capabilities` example has
 * one tool per capability; `trap` has a tool that allocates without bound.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProtocolError } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { connectStdio, runCli, type StdioSession } from '../../helpers/cli.js';
import { examplePath } from '../../helpers/examples.js';

const text = (t: string) => ({ content: [{ type: 'text', text: t }] });
const error = (t: string) => ({ content: [{ type: 'text', text: t }], isError: true });

const scratch = mkdtempSync(join(tmpdir(), 'wasi-mcp-sandbox-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('--dir: a real host directory, confined', () => {
  const host = join(scratch, 'data');
  const readOnly = join(scratch, 'reference');
  const secret = join(scratch, 'secret');
  let session: StdioSession;
  let hang: Server;
  let hangOrigin: string;
  beforeAll(async () => {
    mkdirSync(join(host, 'sub'), { recursive: true });
    mkdirSync(readOnly);
    mkdirSync(secret);
    writeFileSync(join(host, 'a.txt'), 'hello from the host');
    writeFileSync(join(host, 'sub', 'b.txt'), 'ünïcode');
    writeFileSync(join(readOnly, 'r.txt'), 'look, do not touch');
    writeFileSync(join(secret, 's.txt'), 'outside the grant');
    // Links that lead out of the granted directory: absolute, and relative climbing out.
    symlinkSync('/etc/passwd', join(host, 'passwd'));
    symlinkSync('../secret', join(host, 'out'));
    // A server that never answers: a fetch to it outlives --timeout, which restarts the component.
    hang = createServer(() => {});
    await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve));
    hangOrigin = `http://127.0.0.1:${(hang.address() as AddressInfo).port}`;
    session = await connectStdio([
      examplePath('capabilities'),
      '--dir',
      `${host}:/data`,
      '--dir',
      `${readOnly}:/ref:ro`,
      '--allow-http',
      hangOrigin,
      '--timeout',
      '5000',
    ]);
  });
  afterAll(async () => {
    await session?.close();
    hang?.closeAllConnections();
    await new Promise((resolve) => hang?.close(resolve));
  });
  const call = (name: string, args: Record<string, unknown> = {}) => session.client.callTool({ name, arguments: args });

  test('the component lists and reads the host files at the guest path', async () => {
    expect(await call('list-dirs')).toEqual(
      text(
        '{"/data":[{"name":"a.txt","type":"regular-file"},{"name":"out","type":"symbolic-link"},{"name":"passwd","type":"symbolic-link"},{"name":"sub","type":"directory"}],' +
          '"/ref":[{"name":"r.txt","type":"regular-file"}]}',
      ),
    );
    expect(await call('read-file', { path: '/data/a.txt' })).toEqual(text('hello from the host'));
    expect(await call('read-file', { path: '/data/sub/b.txt' })).toEqual(text('ünïcode'));
    expect(await call('read-file', { path: '/ref/r.txt' })).toEqual(text('look, do not touch'));
  });

  test('writes reach the directory and survive a restart of the component', async () => {
    expect(await call('write-file', { path: '/data/new.txt', text: 'new' })).toEqual(text('wrote 3 bytes to /data/new.txt'));
    expect(await call('write-file', { path: '/data/sub/b.txt', text: 'changed' })).toEqual(text('wrote 7 bytes to /data/sub/b.txt'));
    expect(readFileSync(join(host, 'new.txt'), 'utf8')).toBe('new');
    expect(readFileSync(join(host, 'sub', 'b.txt'), 'utf8')).toBe('changed');

    const timedOut = await call('fetch', { url: `${hangOrigin}/never` }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((timedOut as ProtocolError).data).toEqual({ code: 'TIMED_OUT' });
    await vi.waitFor(() => expect(session.stderr()).toContain('restarting the component (TIMED_OUT)'), { timeout: 10_000 });
    // A fresh instance, the same directory.
    expect(await call('read-file', { path: '/data/new.txt' })).toEqual(text('new'));
    expect(await call('read-file', { path: '/data/sub/b.txt' })).toEqual(text('changed'));
  });

  test(':ro refuses every write inside the tool result and the directory is unchanged', async () => {
    expect(await call('write-file', { path: '/ref/r.txt', text: 'overwritten' })).toEqual(error('write-file failed: read-only'));
    expect(await call('write-file', { path: '/ref/added.txt', text: 'x' })).toEqual(error('write-file failed: read-only'));
    expect(readFileSync(join(readOnly, 'r.txt'), 'utf8')).toBe('look, do not touch');
    expect(readdirSync(readOnly)).toEqual(['r.txt']);
  });

  test('.., absolute paths and links leading out are refused', async () => {
    expect(await call('read-file', { path: '/data/../secret/s.txt' })).toEqual(error('read-file failed: not-permitted'));
    expect(await call('write-file', { path: '/data/../escaped.txt', text: 'x' })).toEqual(error('write-file failed: not-permitted'));
    expect(await call('read-file', { path: '/data/passwd' })).toEqual(error('read-file failed: not-permitted'));
    expect(await call('read-file', { path: '/data/out/s.txt' })).toEqual(error('read-file failed: not-permitted'));
    expect(await call('write-file', { path: '/data/out/s.txt', text: 'x' })).toEqual(error('write-file failed: not-permitted'));
    // Only the granted directories exist for the component: an absolute host path names nothing.
    expect(await call('read-file', { path: join(secret, 's.txt') })).toEqual(error(`no preopened directory for ${join(secret, 's.txt')}`));
    expect(readFileSync(join(secret, 's.txt'), 'utf8')).toBe('outside the grant');
    expect(readdirSync(scratch).sort()).toEqual(['data', 'reference', 'secret']);
  });
});

describe('--dir errors', () => {
  test('a missing directory is a usage error, before the component loads', async () => {
    const result = await runCli(['serve', examplePath('capabilities'), '--dir', join(scratch, 'nope')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`wasi-mcp: error DIR_NOT_FOUND: --dir ${join(scratch, 'nope')}: no such directory\n`);
  });

  test('a file is not a directory', async () => {
    const file = join(scratch, 'data', 'a.txt');
    const result = await runCli(['serve', examplePath('capabilities'), '--dir', `${file}:/f`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`wasi-mcp: error DIR_NOT_FOUND: --dir ${file} is not a directory\n`);
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
    expect(failure).toBeInstanceOf(ProtocolError);
    expect((failure as ProtocolError).data).toMatchObject({ code: 'MEMORY_LIMIT' });
    expect((failure as ProtocolError).message).toContain('budget 96 MiB for all its memories');
    expect(await session.client.callTool({ name: 'ok', arguments: {} })).toEqual(text('ok'));
  });
});
