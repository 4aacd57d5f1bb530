/**
 * A session on a remote server: the page's ServerSession over the SDK's
 * Streamable HTTP transport to `wasi-mcp serve --http`, in both protocol eras.
 */
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { ServerSession } from '../../src/session/server-session.js';
import { startHttp, type HttpServer } from '../helpers/cli.js';
import { examplePath } from '../helpers/examples.js';

let server: HttpServer;
let session: ServerSession | undefined;

beforeAll(async () => {
  server = await startHttp([examplePath('everything')]);
});
afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});
afterEach(() => session?.close());

function remote(url: string): ServerSession {
  return new ServerSession({ id: 'r1', name: 'remote', origin: url, source: { type: 'remote', url }, target: { kind: 'remote', url }, deadlineMs: 20_000 });
}

async function add(s: ServerSession): Promise<unknown> {
  await s.callTool({ name: 'add', inputSchema: { type: 'object' } }, { a: 2, b: 3 });
  return s.toolCall.value?.result?.result.structuredContent;
}

test('connects, lists and calls over HTTP, records the wire, and speaks 2026-07-28 when asked', async () => {
  session = remote(server.url.href);
  await session.start();
  expect(session.status.value.phase).toBe('ready');
  expect(session.status.value.stages.map((s) => [s.name, s.state])).toEqual([['initialize', 'done']]);
  await vi.waitFor(() => expect(session!.catalog.value.tools.items.map((t) => t.name)).toContain('add'));
  expect(await add(session)).toEqual({ sum: 5 });
  session.history.flush();
  expect(session.history.value.items.some((e) => e.direction === 'in' && e.method === 'tools/call')).toBe(true);

  await session.setEra('2026-07-28');
  expect(session.status.value.phase).toBe('ready');
  expect(session.status.value.info?.protocolVersion).toBe('2026-07-28');
  expect(await add(session)).toEqual({ sum: 5 });
  // The 2025 session was ended with DELETE when the era changed.
  await vi.waitFor(() => expect(server.stderr()).toMatch(/session \d+: closed/));
});

test('a URL that is not http(s) fails with CONNECT_FAILED, naming what a server URL looks like', async () => {
  session = remote('ftp://127.0.0.1/mcp');
  await session.start();
  expect(session.status.value.phase).toBe('failed');
  expect(session.status.value.error).toMatchObject({ code: 'CONNECT_FAILED', message: expect.stringMatching(/starts with http:\/\/ or https:\/\//) });
});
