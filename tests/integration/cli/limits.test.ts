/**
 * Limits a hostile client meets over stdio and HTTP: a message nested 10,000 deep is refused with
 * -32600 (it used to overflow the stack and take the host down), and with --http no more 2025
 * sessions (each with its own component) than --max-sessions are open at once.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { BIN, CLI_ENV, ROOT, startHttp } from '../../helpers/cli.js';
import { examplePath } from '../../helpers/examples.js';

const deep = (id: number) =>
  `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":"add","arguments":{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}}}`;

function post(url: URL, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; session?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => {
          const session = res.headers['mcp-session-id'];
          resolve({ status: res.statusCode ?? 0, body: text, ...(typeof session === 'string' ? { session } : {}) });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const initialize = (id: number) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'limits', version: '1' } },
  });

describe('deeply nested messages', () => {
  it('over stdio: each is answered once with -32600, and the server goes on', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', examplePath('echo')], { cwd: ROOT, env: CLI_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdin.write(`${deep(901)}\n${deep(902)}\n`);
    child.stdin.write(`${initialize(1)}\n`);
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'echo', arguments: { text: 'still here' } } })}\n`);
    child.stdin.end();
    expect(await exited).toBe(0);
    const answers = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: unknown; error?: { code: number } });
    expect(answers.map((a) => [a.id, a.error?.code])).toEqual([
      [901, -32600],
      [902, -32600],
      [1, undefined],
      [2, undefined],
    ]);
  });

  it('over HTTP: 400 with -32600, and the server goes on', async () => {
    const server = await startHttp([examplePath('everything')]);
    try {
      const refused = await post(server.url, deep(5));
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.body)).toMatchObject({ error: { code: -32600 } });
      expect((await post(server.url, initialize(1))).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe('--max-sessions', () => {
  it('refuses a session past the limit with 503, and takes one again after one closes', async () => {
    const server = await startHttp([examplePath('echo'), '--max-sessions', '2']);
    try {
      const first = await post(server.url, initialize(1));
      const second = await post(server.url, initialize(2));
      expect([first.status, second.status]).toEqual([200, 200]);
      const third = await post(server.url, initialize(3));
      expect(third.status).toBe(503);
      expect(third.body).toContain('--max-sessions');
      await new Promise<void>((resolve, reject) => {
        const req = request(server.url, { method: 'DELETE', headers: { 'mcp-session-id': first.session!, 'mcp-protocol-version': '2025-11-25' } }, (res) => {
          res.resume();
          res.on('end', () => resolve());
        });
        req.on('error', reject);
        req.end();
      });
      await expect.poll(async () => (await post(server.url, initialize(4))).status, { timeout: 10_000 }).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
