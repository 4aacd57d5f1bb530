/**
 * In the session layer the playground uses: a ServerSession over the
 * real worker code (serveInWorker, run in this thread) and the capabilities
 * component. Applying new grants restarts the component, the Client
 * initializes again and the lists reload while history stays; a refused HTTP
 * request lands in the denial list and the logs with its origin; memory use is
 * sampled from the worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSandbox } from '../../src/session/sandbox.js';
import type { ServerSession } from '../../src/session/server-session.js';
import { startExampleSession } from '../helpers/example-session.js';

let session: ServerSession;

beforeAll(async () => {
  session = await startExampleSession('capabilities');
});
afterAll(() => session?.close());

async function call(name: string, args: Record<string, unknown> = {}): Promise<{ text: string; isError: boolean }> {
  const tool = session.catalog.value.tools.items.find((t) => t.name === name)!;
  await session.callTool(tool, args);
  const outcome = session.toolCall.value!;
  if (outcome.error) throw new Error(outcome.error.message);
  const block = outcome.result!.result.content[0];
  return { text: block.type === 'text' ? block.text : '', isError: outcome.result!.result.isError === true };
}

describe('a session with the default sandbox', () => {
  it('grants nothing, and a refused HTTP request is listed and logged with its origin', async () => {
    expect(await call('env')).toEqual({ text: '{}', isError: false });
    expect(await call('fetch', { url: 'http://127.0.0.1:9/x' })).toEqual({ text: 'denied: HTTP-request-denied', isError: true });
    session.sandbox.denials.flush();
    expect(session.sandbox.denials.value.items.map((d) => [d.capability, d.detail])).toEqual([['http', 'http://127.0.0.1:9']]);
    session.logs.flush();
    expect(session.logs.value.items.map((l) => [l.level, l.data])).toContainEqual([
      'warning',
      'denied outgoing HTTP to http://127.0.0.1:9: not granted (see Sandbox)',
    ]);
  });

  it('samples the component memory from the worker', async () => {
    await session.sampleMemory();
    expect(session.sandbox.memory.value?.memoryBytes).toBeGreaterThan(0);
  });
});

describe('applying new grants', () => {
  it('restarts the component with them; the session initializes again and history stays', async () => {
    session.history.flush();
    const before = session.history.value.total;
    const file = new TextEncoder().encode('uploaded text');
    await session.applySandbox({
      ...defaultSandbox(20_000),
      env: { GREETING: 'hello' },
      files: [{ name: 'note.txt', bytes: file }],
    });
    expect(session.status.value).toMatchObject({ phase: 'ready', notice: 'Restarted: new sandbox settings.' });
    expect(session.deadlineMs).toBe(20_000);
    session.history.flush();
    const methods = session.history.value.items.slice(before - session.history.value.total).map((h) => `${h.direction} ${h.method}`);
    // The Client initialized the new component and listed its tools again; the old entries are still there.
    expect(methods).toEqual(expect.arrayContaining(['out initialize', 'out notifications/initialized', 'out tools/list']));
    expect(session.history.value.total).toBeGreaterThan(before);
    expect(session.catalog.value.tools.items.map((t) => t.name)).toContain('env');
    expect(await call('env')).toEqual({ text: '{"GREETING":"hello"}', isError: false });
    expect(await call('read-file', { path: '/data/note.txt' })).toEqual({ text: 'uploaded text', isError: false });
  });

  it('with a memory limit too small to start, fails saying so, and a restart with a fitting one recovers', async () => {
    await session.applySandbox({ ...defaultSandbox(20_000), memoryLimitMiB: 1 });
    expect(session.status.value.phase).toBe('failed');
    expect(session.status.value.error?.message).toMatch(/needs .* MiB of memory to start; the limit is 1 MiB/);
    await session.applySandbox(defaultSandbox(20_000));
    expect(session.status.value.phase).toBe('ready');
    expect(session.status.value.error).toBeUndefined();
    expect(await call('env')).toEqual({ text: '{}', isError: false });
  });
});
