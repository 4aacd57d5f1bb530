/** `wasi-mcp serve <file> --http <port>`: Streamable HTTP, one session per client. */
import { request } from 'node:http';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { examplePath } from '../../helpers/examples.js';
import { deliverSeparately, startHttp, type HttpServer } from '../../helpers/cli.js';

const INIT = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};
const ACCEPT = 'application/json, text/event-stream';

/** A raw HTTP request where fetch would not do (it cannot set Host). */
function raw(
  url: URL,
  options: { method?: string; headers?: Record<string, string>; body?: unknown },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'POST', headers: { 'content-type': 'application/json', accept: ACCEPT, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });
}

describe('serve everything over Streamable HTTP', () => {
  let server: HttpServer;

  beforeAll(async () => {
    server = await startHttp([examplePath('everything')]);
  });
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
  });

  async function connect(name: string) {
    const client = new Client({ name, version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(server.url);
    await client.connect(transport);
    deliverSeparately(transport);
    return { client, transport };
  }

  test('two clients at once, each with its own session and its own component', async () => {
    const [a, b] = await Promise.all([connect('a'), connect('b')]);
    try {
      expect(a.transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(b.transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(a.transport.sessionId).not.toBe(b.transport.sessionId);

      const sums = await Promise.all([
        a.client.callTool({ name: 'add', arguments: { a: 1, b: 2 } }),
        b.client.callTool({ name: 'add', arguments: { a: 40, b: 2 } }),
      ]);
      expect(sums.map((r) => r.structuredContent)).toEqual([{ sum: 3 }, { sum: 42 }]);

      // Component state is per session: a's notify calls bump a's mem://watched only.
      const updates: string[] = [];
      a.client.setNotificationHandler('notifications/resources/updated', (n) => void updates.push(n.params.uri));
      await a.client.subscribeResource({ uri: 'mem://watched' });
      await a.client.callTool({ name: 'notify', arguments: {} });
      await a.client.callTool({ name: 'notify', arguments: {} });
      const read = async (c: Client) => (await c.readResource({ uri: 'mem://watched' })).contents[0];
      expect(await read(a.client)).toMatchObject({ text: 'watched resource, version 3' });
      expect(await read(b.client)).toMatchObject({ text: 'watched resource, version 1' });
      await vi.waitFor(() => expect(updates).toEqual(['mem://watched', 'mem://watched']));
    } finally {
      await Promise.all([a.transport.terminateSession(), b.transport.terminateSession()]);
      await Promise.all([a.client.close(), b.client.close()]);
    }
  });

  test('prompts, resources, progress and logging over HTTP', async () => {
    const { client, transport } = await connect('features');
    try {
      const logs: unknown[] = [];
      client.setNotificationHandler('notifications/message', (n) => void logs.push(n.params.data));
      const prompt = await client.getPrompt({ name: 'greet', arguments: { name: 'Grace', style: 'formal' } });
      expect(prompt.messages[0].content).toMatchObject({ text: expect.stringContaining('Good day, Grace.') });
      const { resourceTemplates } = await client.listResourceTemplates();
      expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['mem://users/{id}']);

      const progress: number[] = [];
      const result = await client.callTool({ name: 'long', arguments: { steps: 3 } }, {
        onprogress: (p) => progress.push(p.progress),
      });
      expect(result.content).toEqual([{ type: 'text', text: 'done after 3 steps' }]);
      expect(progress).toEqual([1, 2, 3]);
      await vi.waitFor(() => expect(logs).toEqual(['long: step 1 of 3', 'long: step 2 of 3', 'long: step 3 of 3']));

      await client.setLoggingLevel('error');
      await client.callTool({ name: 'long', arguments: { steps: 2 } });
      await client.ping();
      expect(logs).toHaveLength(3);
    } finally {
      await transport.terminateSession();
      await client.close();
    }
  });

  test("a call's progress and logs travel on that call's own response stream", async () => {
    const init = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: ACCEPT }, body: JSON.stringify(INIT) });
    expect(init.status).toBe(200);
    const sessionId = init.headers.get('mcp-session-id')!;
    await init.text();
    const headers = { 'content-type': 'application/json', accept: ACCEPT, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' };
    const post = (body: object) => fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', ...body }) });
    expect((await post({ method: 'notifications/initialized' })).status).toBe(202);
    // No GET stream is open: notifications not related to the request would have nowhere to go.
    const call = await post({ id: 2, method: 'tools/call', params: { name: 'long', arguments: { steps: 2 }, _meta: { progressToken: 'p' } } });
    const events = (await call.text())
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as { method?: string; id?: number; params?: { progress?: number; data?: string } });
    expect(events.map((e) => e.method ?? `response ${e.id}`)).toEqual([
      'notifications/progress',
      'notifications/message',
      'notifications/progress',
      'notifications/message',
      'response 2',
    ]);
    expect(events[2].params).toMatchObject({ progressToken: 'p', progress: 2, total: 2 });
    expect((await fetch(server.url, { method: 'DELETE', headers })).status).toBe(200);
  });

  test('DNS-rebinding protection: a foreign Host or Origin gets 403', async () => {
    const foreignHost = await raw(server.url, { headers: { host: `evil.example:${server.port}` }, body: INIT });
    expect(foreignHost.status).toBe(403);
    expect(JSON.parse(foreignHost.body)).toMatchObject({ jsonrpc: '2.0', error: { message: expect.stringContaining('Host') } });
    const foreignOrigin = await raw(server.url, { headers: { origin: 'https://evil.example' }, body: INIT });
    expect(foreignOrigin.status).toBe(403);
    const localhost = await raw(new URL(`http://localhost:${server.port}/mcp`), { headers: { origin: 'http://localhost:6274' }, body: INIT });
    expect(localhost.status).toBe(200);
  });

  test('unknown sessions, other paths and requests without a session are refused', async () => {
    expect((await raw(server.url, { headers: { 'mcp-session-id': 'nope' }, body: { jsonrpc: '2.0', id: 1, method: 'ping' } })).status).toBe(404);
    expect((await raw(new URL('/other', server.url), { body: INIT })).status).toBe(404);
    expect((await raw(server.url, { body: { jsonrpc: '2.0', id: 1, method: 'tools/list' } })).status).toBe(400);
    expect((await raw(server.url, { method: 'GET' })).status).toBe(400);
  });

  test('a terminated session is gone', async () => {
    const client = new Client({ name: 'gone', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(server.url);
    await client.connect(transport);
    const sessionId = transport.sessionId!;
    await transport.terminateSession();
    await client.close();
    const after = await raw(server.url, { headers: { 'mcp-session-id': sessionId }, body: { jsonrpc: '2.0', id: 9, method: 'ping' } });
    expect(after.status).toBe(404);
    await vi.waitFor(() => expect(server.stderr()).toMatch(/session \d+: closed/));
  });
});

describe('idle sessions', () => {
  test('a session with no request or stream open for --session-idle is closed and its worker freed', async () => {
    const server = await startHttp([examplePath('echo'), '--session-idle', '300']);
    try {
      const client = new Client({ name: 'idle', version: '1.0.0' });
      const transport = new StreamableHTTPClientTransport(server.url);
      await client.connect(transport);
      const sessionId = transport.sessionId!;
      // The SDK client's close() sends no DELETE; it aborts its GET stream.
      await client.close();
      await vi.waitFor(() => expect(server.stderr()).toMatch(/session 1: idle for 300 ms, closing it\nwasi-mcp: session 1: closed/), {
        timeout: 5000,
      });
      const after = await raw(server.url, { headers: { 'mcp-session-id': sessionId }, body: { jsonrpc: '2.0', id: 1, method: 'ping' } });
      expect(after.status).toBe(404);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  test('an open GET stream keeps a session alive', async () => {
    const server = await startHttp([examplePath('echo'), '--session-idle', '300']);
    try {
      const client = new Client({ name: 'listening', version: '1.0.0' });
      const transport = new StreamableHTTPClientTransport(server.url);
      await client.connect(transport);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(server.stderr()).not.toContain('idle for');
      expect((await client.callTool({ name: 'echo', arguments: { text: 'alive' } })).content).toEqual([{ type: 'text', text: 'alive' }]);
      await client.close();
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
