/**
 * The worker answers `stats` on its control channel (linear memory
 * for the benchmarks) at any time, and stays as it was otherwise: one `load`,
 * a bad first message is an error, later noise is ignored.
 */
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../../src/platform/node/platform.js';
import type { FromWorker } from '../../src/worker/protocol.js';
import { serveInWorker } from '../../src/worker/serve.js';
import { exampleBytes } from '../helpers/examples.js';

/** serveInWorker in this thread, with a control endpoint the test drives. */
function start() {
  const posted: FromWorker[] = [];
  const waiting: ((m: FromWorker) => void)[] = [];
  let listener: ((data: unknown) => void) | undefined;
  serveInWorker(
    {
      post: (m) => {
        posted.push(m);
        waiting.splice(0).forEach((w) => w(m));
      },
      once: (l) => (listener = l),
    },
    nodePlatform,
  );
  const send = (data: unknown) => {
    const l = listener!;
    listener = undefined;
    l(data);
  };
  const next = (type: FromWorker['type']) =>
    new Promise<FromWorker>((resolve) => {
      const check = (m: FromWorker) => (m.type === type ? resolve(m) : waiting.push(check));
      waiting.push(check);
    });
  return { posted, send, next };
}

describe('the worker control channel', () => {
  it('answers stats before and after the load, with the linear memory once loaded', async () => {
    const w = start();
    let reply = w.next('stats');
    w.send({ type: 'stats' });
    expect(await reply).toEqual({ type: 'stats' });

    const channel = new MessageChannel();
    const ready = w.next('ready');
    w.send({ type: 'load', bytes: exampleBytes('echo').slice().buffer, port: channel.port2 });
    expect(await ready).toMatchObject({ type: 'ready', cached: expect.any(Boolean) });

    reply = w.next('stats');
    w.send({ type: 'stats' });
    const stats = await reply;
    expect(stats.type === 'stats' && stats.memoryBytes).toBeGreaterThan(0);

    // Noise after the load is ignored, as a second load always was.
    w.send({ type: 'nonsense' });
    w.send({ type: 'load', bytes: new ArrayBuffer(8), port: channel.port2 });
    reply = w.next('stats');
    w.send({ type: 'stats' });
    await reply;
    expect(w.posted.filter((m) => m.type === 'error')).toEqual([]);
    channel.port1.close();
  });

  it('reports a bad first message as an error', async () => {
    const w = start();
    const error = w.next('error');
    w.send({ type: 'nonsense' });
    expect(await error).toMatchObject({ type: 'error', error: { code: expect.any(String) } });
  });
});
