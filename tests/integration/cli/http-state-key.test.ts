/**
 * Several `wasi-mcp serve --http` processes behind a load balancer: given
 * one key (--state-key-file), a stateless input_required round started on
 * one is continued on another; with different keys the retry's requestState
 * is refused with -32602. A call held between rounds (the suspending form)
 * stays in the process that asked, and another process says so.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { examplePath } from '../../helpers/examples.js';
import { postToolCall, runCli, startHttp, type HttpServer } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'wasi-mcp-state-key-'));
function keyFile(name: string, key: string): string {
  const path = join(dir, name);
  writeFileSync(path, `${key}\n`);
  return path;
}
const SHARED = keyFile('shared', 'a shared key for every process of this deployment');
const OTHER = keyFile('other', 'a key that belongs to some other deployment entirely');

/** A 2026-07-28 tools/call of `name` on `server`, declaring elicitation; `extra` adds arguments, inputResponses, requestState. */
async function callTool(server: HttpServer, name: string, extra: { arguments?: Record<string, unknown> } & Record<string, unknown> = {}) {
  const { arguments: args, ...params } = extra;
  return (await postToolCall(server.url, { name, arguments: args ?? {}, params, capabilities: { elicitation: {} } })).body;
}

describe('a requestState key shared by several --http processes', () => {
  let first: HttpServer;
  let second: HttpServer;
  let stranger: HttpServer;

  beforeAll(async () => {
    const conformance = examplePath('conformance');
    [first, second, stranger] = await Promise.all([
      startHttp([conformance, '--state-key-file', SHARED]),
      startHttp([conformance, '--state-key-file', SHARED]),
      startHttp([conformance, '--state-key-file', OTHER]),
    ]);
  });
  afterAll(async () => {
    const codes = await Promise.all([first, second, stranger].map((s) => s?.stop()));
    expect(codes).toEqual([0, 0, 0]);
  });

  test('a stateless round started on one process is completed on another with the same key', async () => {
    const tool = 'test_input_required_result_request_state';
    const round = await callTool(first, tool);
    expect(round.result).toMatchObject({ resultType: 'input_required', inputRequests: { confirm: {} } });
    const retry = { inputResponses: { confirm: { action: 'accept', content: { ok: true } } }, requestState: round.result?.requestState };

    expect((await callTool(second, tool, retry)).result?.content?.[0]?.text).toBe('Confirmed (ok=true); state-ok');
    // The process with another key cannot verify it.
    expect((await callTool(stranger, tool, retry)).error?.code).toBe(-32602);
  });

  test('a held call stays in the process that asked: another one sharing the key says so', async () => {
    const round = await callTool(first, 'test_elicitation', { arguments: { message: 'Who are you?' } });
    expect(round.result?.resultType).toBe('input_required');
    const [key] = Object.keys(round.result?.inputRequests ?? {});
    const retry = {
      arguments: { message: 'Who are you?' },
      inputResponses: { [key]: { action: 'accept', content: { username: 'ada', email: 'ada@example.com' } } },
      requestState: round.result?.requestState,
    };

    expect((await callTool(second, 'test_elicitation', retry)).error).toMatchObject({
      code: -32602,
      message: expect.stringMatching(/held by another server process/),
    });
    // The process that holds it finishes it.
    expect((await callTool(first, 'test_elicitation', retry)).result?.content?.[0]?.text).toMatch(/action=accept/);
  });
});

test('a key under 32 bytes is refused before the server starts, with exit code 2 and without showing it', async () => {
  const secret = 'only-twenty-bytes-xx';
  const run = await runCli(['serve', examplePath('conformance'), '--http', '0', '--state-key-file', keyFile('short', secret)]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/is 20 bytes; it needs at least 32/);
  expect(run.stderr).not.toContain(secret);
});
