/**
 * The control client's state machine (loading → ready → over) against a
 * worker and a clock the test drives: every failure is reported once, to
 * whoever is waiting for it at that point, and nothing after the end.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorReport } from '../../../src/host/errors.js';
import type { PortLike } from '../../../src/transport/message-port.js';
import { startControlledWorker, WorkerError, type ControlListener, type WorkerListener } from '../../../src/worker/control-client.js';
import type { FromWorker, ToWorker } from '../../../src/worker/protocol.js';
import { ManualClock } from '../../helpers/manual-clock.js';

const READY: FromWorker = { type: 'ready', world: { imports: [], exports: ['wasi:mcp/handlers'] }, timings: { transpile: 5 } };

function start(listener: ControlListener = {}) {
  const hand = new ManualClock();
  const posted: { message: ToWorker; transfer: Transferable[] }[] = [];
  const counts = { terminated: 0, portClosed: 0 };
  let heard: WorkerListener | undefined;
  const local: PortLike = {
    postMessage: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    close: () => void counts.portClosed++,
  };
  const remote = { postMessage: () => {} } as unknown as MessagePort;
  const bytes = new Uint8Array([0, 97, 115, 109]);
  const started = startControlledWorker({
    worker: {
      post: (message, transfer) => void posted.push({ message, transfer }),
      listen: (l) => (heard = l),
      terminate: () => void counts.terminated++,
    },
    channel: { local, remote },
    bytes,
    loadTimeoutMs: 1000,
    listener,
    clock: hand,
  });
  return {
    started,
    posted,
    counts,
    hand,
    bytes,
    local,
    remote,
    send: (data: unknown) => heard!.message(data),
    failure: (error: ErrorReport) => heard!.failure(error),
  };
}

/** Whatever `started` settled with, as data. */
async function outcome(started: Promise<unknown>): Promise<unknown> {
  return started.then(
    () => 'resolved',
    (e: unknown) => (e instanceof WorkerError ? { code: e.code, message: e.message } : e),
  );
}

describe('loading', () => {
  it('sends a copy of the bytes and the remote port, reports stages, and resolves at ready', async () => {
    const heard: string[] = [];
    const w = start({
      onStage: (m) => heard.push(`stage ${m.stage}`),
      onOutput: (m) => heard.push(`${m.stream} ${m.text}`),
      onDenied: (m) => heard.push(`denied ${m.detail}`),
      onReady: (m) => heard.push(`ready ${m.world.exports.join()}`),
    });
    const [{ message, transfer }] = w.posted;
    expect(message).toMatchObject({ type: 'load', port: w.remote });
    const sent = message.type === 'load' ? message.bytes : undefined;
    expect(new Uint8Array(sent!)).toEqual(w.bytes);
    expect(sent).not.toBe(w.bytes.buffer);
    expect(transfer).toEqual([sent, w.remote]);

    w.send({ type: 'stage', stage: 'transpile', ms: 5 });
    w.send({ type: 'output', stream: 'stderr', text: 'hi' });
    w.send({ type: 'denied', capability: 'http', detail: 'https://example.com' });
    w.send(READY);
    const link = await w.started;
    expect(heard).toEqual(['stage transpile', 'stderr hi', 'denied https://example.com', 'ready wasi:mcp/handlers']);
    expect(link).toMatchObject({ port: w.local, world: { exports: ['wasi:mcp/handlers'] }, timings: { transpile: 5 } });
    // Ready stops the load timeout.
    expect(w.hand.pending).toBe(0);
  });

  it("rejects with the worker's error code, and stops the worker", async () => {
    const w = start();
    w.send({ type: 'error', error: { code: 'WRONG_WORLD', message: 'exports no wasi:mcp/handlers' } });
    expect(await outcome(w.started)).toEqual({ code: 'WRONG_WORLD', message: 'exports no wasi:mcp/handlers' });
    expect(w.counts).toEqual({ terminated: 1, portClosed: 1 });
  });

  it('rejects with the code of a failure the platform saw (the worker ran out of memory)', async () => {
    const w = start();
    w.failure({ code: 'MEMORY_LIMIT', message: 'out of memory' });
    // The exit that follows is the same failure: it changes nothing.
    w.failure({ code: 'WORKER_CRASHED', message: 'exited with code 1' });
    expect(await outcome(w.started)).toEqual({ code: 'MEMORY_LIMIT', message: 'out of memory' });
    expect(w.counts).toEqual({ terminated: 1, portClosed: 1 });
  });

  it('treats a malformed control message as a crash', async () => {
    const w = start();
    w.send({ type: 'stage', stage: 'daydream', ms: 1 });
    expect(await outcome(w.started)).toMatchObject({ code: 'WORKER_CRASHED', message: expect.stringContaining('malformed control message') });
    expect(w.counts.terminated).toBe(1);
  });

  it('gives up with TIMED_OUT when ready does not come within the load timeout', async () => {
    const w = start();
    const result = outcome(w.started);
    await w.hand.advance(999);
    expect(w.counts).toEqual({ terminated: 0, portClosed: 0 });
    await w.hand.advance(1);
    // A ready that arrives after that is too late.
    w.send(READY);
    expect(await result).toMatchObject({ code: 'TIMED_OUT' });
    expect(w.counts).toEqual({ terminated: 1, portClosed: 1 });
  });
});

describe('once ready', () => {
  async function ready() {
    const w = start();
    w.send(READY);
    const link = await w.started;
    const exits: ErrorReport[] = [];
    const held: number[] = [];
    link.onexit = (e) => exits.push(e);
    link.onheld = (calls) => held.push(calls);
    return { ...w, link, exits, held };
  }

  it('reports a failure once, through onexit, and stops the worker', async () => {
    const w = await ready();
    w.send({ type: 'error', error: { code: 'TRAPPED', message: 'unreachable' } });
    w.failure({ code: 'WORKER_CRASHED', message: 'exited with code 1' });
    w.send({ type: 'error', error: { code: 'INTERNAL', message: 'later' } });
    expect(w.exits).toEqual([{ code: 'TRAPPED', message: 'unreachable' }]);
    expect(w.counts).toEqual({ terminated: 1, portClosed: 1 });
  });

  it('reports a malformed message as a crash', async () => {
    const w = await ready();
    w.send({ type: 'held', calls: -1 });
    expect(w.exits).toMatchObject([{ code: 'WORKER_CRASHED' }]);
    expect(w.held).toEqual([]);
  });

  it('reports a second ready as a crash', async () => {
    const w = await ready();
    w.send(READY);
    expect(w.exits).toMatchObject([{ code: 'WORKER_CRASHED' }]);
  });

  it('lets the load timeout go: no timer is left to fire', async () => {
    const w = await ready();
    await w.hand.advance(60_000);
    expect(w.exits).toEqual([]);
    expect(w.counts.terminated).toBe(0);
  });

  it('forwards how many calls the component holds', async () => {
    const w = await ready();
    w.send({ type: 'held', calls: 1 });
    w.send({ type: 'held', calls: 0 });
    expect(w.held).toEqual([1, 0]);
  });

  it('answers stats from the worker, and with undefined once the worker is gone', async () => {
    const w = await ready();
    const answered = w.link.stats();
    expect(w.posted.at(-1)?.message).toEqual({ type: 'stats' });
    w.send({ type: 'stats', memoryBytes: 65536 });
    expect(await answered).toEqual({ type: 'stats', memoryBytes: 65536 });

    const unanswered = w.link.stats();
    w.link.terminate();
    expect(await unanswered).toBeUndefined();
    const posts = w.posted.length;
    expect(await w.link.stats()).toBeUndefined();
    expect(w.posted.length).toBe(posts);
  });

  it('terminates once however often asked, and hears nothing afterwards', async () => {
    const w = await ready();
    w.link.terminate();
    w.link.terminate();
    w.failure({ code: 'WORKER_CRASHED', message: 'exited with code 1' });
    w.send({ type: 'held', calls: 1 });
    expect(w.counts).toEqual({ terminated: 1, portClosed: 1 });
    expect(w.exits).toEqual([]);
    expect(w.held).toEqual([]);
  });
});
