/** `--allow-origin`: browser pages from the origins named may call `serve --http`; others get no CORS. */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { examplePath } from '../../helpers/examples.js';
import { startHttp, type HttpServer } from '../../helpers/cli.js';

const PAGE = 'http://127.0.0.1:5173';
const FOREIGN_PAGE = 'https://play.example';
const INIT = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'page', version: '1' } },
};

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

function send(url: URL, method: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const preflight = (url: URL, origin: string) =>
  send(url, 'OPTIONS', { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,mcp-protocol-version' });

describe('serve --http --allow-origin', () => {
  let server: HttpServer;
  beforeAll(async () => {
    server = await startHttp([examplePath('echo'), '--allow-origin', PAGE, '--allow-origin', FOREIGN_PAGE]);
  });
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
  });

  test('a preflight from an allowed origin is answered with what the SDK client sends', async () => {
    const answer = await preflight(server.url, PAGE);
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(PAGE);
    expect(answer.headers['access-control-allow-methods']).toContain('POST');
    expect(String(answer.headers['access-control-allow-headers']).split(', ')).toEqual(
      expect.arrayContaining(['content-type', 'mcp-session-id', 'mcp-protocol-version']),
    );
  });

  test('an allowed page can read the answer and its Mcp-Session-Id', async () => {
    const answer = await send(server.url, 'POST', { origin: PAGE, 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, INIT);
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(PAGE);
    expect(answer.headers['access-control-expose-headers']).toContain('mcp-session-id');
    expect(answer.headers['mcp-session-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a non-local origin named by --allow-origin passes the Origin check', async () => {
    expect((await preflight(server.url, FOREIGN_PAGE)).status).toBe(204);
    expect((await preflight(server.url, 'https://evil.example')).status).toBe(403);
  });

  test('a local origin not named gets no CORS headers, so a browser reads nothing', async () => {
    const answer = await preflight(server.url, 'http://127.0.0.1:9999');
    expect(answer.status).not.toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });
});

test('without --allow-origin no origin gets CORS headers', async () => {
  const server = await startHttp([examplePath('echo')]);
  try {
    const answer = await preflight(server.url, PAGE);
    expect(answer.status).toBe(400);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  } finally {
    expect(await server.stop()).toBe(0);
  }
});
