/**
 * Ten thousand random and mutated messages, some nested thousands of levels
 * deep and some carrying 3 MB of arguments, sent to `wasi-mcp serve` over
 * stdio and over Streamable HTTP. Every request with a usable id gets exactly
 * one well-formed answer, and the server still serves a real client after.
 * Seeded (FUZZ_SEED), so a failure can be replayed.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import { BIN, CLI_ENV, ROOT, startHttp, testClient } from '../../helpers/cli.js';
import { examplePath } from '../../helpers/examples.js';
import { AnswerCount, fuzzer, rng, SEED } from '../../helpers/fuzz.js';

const COUNT = 10_000;
const SHAPES = { deep: 0.01, huge: 0.002 };

const initialize = (id: string) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'fuzz', version: '0' } },
  });

describe(`10,000 fuzzed messages (seed ${SEED})`, () => {
  it('over stdio: every request answered exactly once, and the server goes on', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', examplePath('everything')], { cwd: ROOT, env: CLI_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    const count = new AnswerCount();
    let finalSeen: () => void = () => {};
    const final = new Promise<void>((resolve) => (finalSeen = resolve));
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      const value = JSON.parse(line) as Record<string, unknown>;
      count.saw(value);
      if (value.id === 'final-echo') finalSeen();
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const send = async (text: string) => {
      count.expect(text);
      if (!child.stdin.write(`${text}\n`)) await new Promise((r) => child.stdin.once('drain', r));
    };
    await send(initialize('init'));
    const generate = fuzzer(rng(SEED), SHAPES);
    for (let i = 0; i < COUNT; i++) await send(generate(i));
    const finalEcho = { jsonrpc: '2.0', id: 'final-echo', method: 'tools/call', params: { name: 'add', arguments: { a: 2, b: 3 } } };
    await send(JSON.stringify(finalEcho));
    await Promise.race([final, exited.then(() => Promise.reject(new Error(`the server exited; stderr: ${stderr.slice(-2000)}`)))]);
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(count.problems()).toEqual({ missing: [], extra: [], malformed: [] });
    expect(count.expected.size).toBeGreaterThan(COUNT / 2);
  }, 300_000);

  it('over HTTP: every request answered exactly once, and the server still serves a client', async () => {
    const server = await startHttp([examplePath('everything')]);
    const count = new AnswerCount();
    const post = (body: string, session?: string) =>
      new Promise<{ status: number; session?: string }>((resolve, reject) => {
        const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
        if (session) Object.assign(headers, { 'mcp-session-id': session, 'mcp-protocol-version': '2025-11-25' });
        // A fresh connection each time: a kept-alive one can be closed by the server just as it is reused.
        const req = request(server.url, { method: 'POST', headers, agent: false }, (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (d: string) => (text += d));
          res.on('end', () => {
            // A JSON body, or server-sent events whose data lines are messages.
            const bodies = (res.headers['content-type'] ?? '').includes('text/event-stream')
              ? text.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6))
              : text.trim() === '' ? [] : [text];
            for (const b of bodies) count.saw(JSON.parse(b) as Record<string, unknown>);
            const id = res.headers['mcp-session-id'];
            resolve({ status: res.statusCode ?? 0, ...(typeof id === 'string' ? { session: id } : {}) });
          });
        });
        req.on('error', reject);
        req.end(body);
      });
    try {
      count.expect(initialize('init'));
      const { session } = await post(initialize('init'));
      expect(session).toBeTypeOf('string');
      const generate = fuzzer(rng(SEED + 1), SHAPES);
      const bodies = Array.from({ length: COUNT }, (_, i) => generate(i));
      // Several clients' worth of requests at a time, as a busy server sees them.
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < bodies.length) {
            const body = bodies[next++];
            count.expect(body);
            await post(body, session);
          }
        }),
      );
      expect(count.problems()).toEqual({ missing: [], extra: [], malformed: [] });
      expect(count.expected.size).toBeGreaterThan(COUNT / 2);
      const client = testClient();
      await client.connect(new StreamableHTTPClientTransport(server.url));
      expect(await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } })).toMatchObject({ content: [{ type: 'text', text: '2 + 3 = 5' }] });
      await client.close();
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 300_000);
});
