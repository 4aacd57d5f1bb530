/**
 * MCP cancellation over stdio: the client aborts a call that
 * never returns; the component cannot be interrupted, so the supervisor
 * restarts it, the cancelled request gets no answer, and the next call works.
 * The deadline is far away, so only the cancellation can stop the loop.
 */
import { spawn } from 'node:child_process';
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { BIN, CLI_ENV, connectStdio, ROOT, type StdioSession } from '../../helpers/cli.js';
import { examplePath } from '../../helpers/examples.js';

let session: StdioSession;
const wire: JSONRPCMessage[] = [];
beforeAll(async () => {
  session = await connectStdio([examplePath('trap'), '--timeout', '600000'], (m) => wire.push(m));
});
afterAll(async () => session?.close());

test('a cancelled endless call restarts the component, gets no answer, and the next call works', async () => {
  const controller = new AbortController();
  const looping = session.client.callTool({ name: 'loop', arguments: {} }, { signal: controller.signal });
  // Give the request time to reach the component (if it has not, the cancellation is simply sooner).
  await new Promise((resolve) => setTimeout(resolve, 300));
  controller.abort('the user pressed stop');
  await expect(looping).rejects.toThrow(/the user pressed stop/);
  // Once the restart has begun, a new request waits for the fresh worker.
  await vi.waitFor(
    () => expect(session.stderr()).toContain('stdio: restarting the component (CANCELLED): tools/call was cancelled by the client'),
    { timeout: 30_000 },
  );
  expect(await session.client.callTool({ name: 'ok', arguments: {} })).toEqual({ content: [{ type: 'text', text: 'ok' }] });
  expect(session.stderr()).toContain('wasi-mcp: stdio: the component is running again (restart 1)');
  // Nothing answered the cancelled request: every response on the wire is a success.
  expect(wire.filter((m) => 'error' in m)).toEqual([]);
});

test('input that ends after a cancellation does not wait for the cancelled answer', async () => {
  const child = spawn(process.execPath, [BIN, 'serve', examplePath('trap'), '--timeout', '600000'], {
    cwd: ROOT,
    env: CLI_ENV,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const line = (m: object) => `${JSON.stringify({ jsonrpc: '2.0', ...m })}\n`;
  const initialize = { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } };
  child.stdin.write(line({ id: 1, method: 'initialize', params: initialize }));
  child.stdin.write(line({ id: 2, method: 'tools/call', params: { name: 'loop', arguments: {} } }));
  child.stdin.write(line({ method: 'notifications/cancelled', params: { requestId: 2 } }));
  child.stdin.write(line({ id: 3, method: 'tools/call', params: { name: 'ok', arguments: {} } }));
  child.stdin.end();
  expect(await exited).toBe(0);
  const answers = stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: number; error?: { data?: { code?: string } } });
  // 1 is answered; 2, cancelled, never is; 3 either ran before the restart or was lost with the worker.
  expect(answers.map((a) => a.id)).toEqual([1, 3]);
  expect([undefined, 'CANCELLED']).toContain(answers[1].error?.data?.code);
});
