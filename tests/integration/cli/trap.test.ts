/** A hostile component over stdio: traps, a call that never returns, and memory exhaustion. */
import { ProtocolError } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { examplePath } from '../../helpers/examples.js';
import { connectStdio, type StdioSession } from '../../helpers/cli.js';

/** Serves trap.wasm with a deadline; returns helpers bound to that session. */
function trapSession(timeoutMs: number) {
  const state: { session?: StdioSession } = {};
  beforeAll(async () => {
    state.session = await connectStdio([examplePath('trap'), '--timeout', String(timeoutMs)]);
  });
  afterAll(async () => state.session?.close());

  const call = (name: string) => state.session!.client.callTool({ name, arguments: {} }, { timeout: 60_000 });
  const failure = async (name: string): Promise<ProtocolError> => {
    const error = await call(name).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProtocolError);
    return error as ProtocolError;
  };
  const expectOk = async () => expect((await call('ok')).content).toEqual([{ type: 'text', text: 'ok' }]);
  return { failure, expectOk, stderr: () => state.session!.stderr() };
}

describe('serve trap over stdio: faults inside the component', () => {
  // A deadline far above what trap and oom take even on a loaded machine: they must not time out.
  const { failure, expectOk } = trapSession(30_000);

  test('a trap is a JSON-RPC error, and the next call works', async () => {
    await expectOk();
    const error = await failure('trap');
    expect(error.code).toBe(-32603);
    expect(error.data).toMatchObject({ code: 'TRAPPED' });
    await expectOk();
  });

  test('running out of memory is answered with an error, and the next call works', async () => {
    const error = await failure('oom');
    expect(error.code).toBe(-32603);
    expect(error.data).toMatchObject({ code: 'MEMORY_LIMIT' });
    await expectOk();
  });
});

describe('serve trap over stdio: a call that never returns', () => {
  const TIMEOUT_MS = 1500;
  const { failure, expectOk, stderr } = trapSession(TIMEOUT_MS);

  test('is answered at --timeout, and the component is restarted', async () => {
    // How soon is bench material (no timing assertions in tests); the message names the deadline.
    const error = await failure('loop');
    expect(error.code).toBe(-32001);
    expect(error.data).toEqual({ code: 'TIMED_OUT' });
    expect(error.message).toContain(`did not answer within ${TIMEOUT_MS} ms`);
    await expectOk();
    expect(stderr()).toContain('stdio: restarting the component (TIMED_OUT)');
  });
});
