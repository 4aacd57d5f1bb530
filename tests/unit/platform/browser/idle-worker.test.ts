/** A component worker is started before a load needs it, and a broken one is not handed out. */
import { describe, expect, it } from 'vitest';
import { IdleWorker } from '../../../../src/platform/browser/idle-worker.js';

class FakeWorker extends EventTarget {
  terminated = false;
  constructor(readonly serial: number) {
    super();
  }
  terminate(): void {
    this.terminated = true;
  }
}

function pool() {
  const started: FakeWorker[] = [];
  const idle = new IdleWorker(() => {
    const worker = new FakeWorker(started.length + 1);
    started.push(worker);
    return worker as unknown as Worker;
  });
  return { idle, started };
}

describe('IdleWorker', () => {
  it('hands out the worker it prepared, and starts one only when none is waiting', () => {
    const { idle, started } = pool();
    idle.prepare();
    idle.prepare();
    expect(started).toHaveLength(1);
    expect(idle.take()).toBe(started[0]);
    expect(idle.take()).toBe(started[1]);
    expect(started).toHaveLength(2);
  });

  it('replaces a waiting worker that failed to start, and keeps its error from the page', () => {
    const { idle, started } = pool();
    idle.prepare();
    const error = new Event('error', { cancelable: true });
    started[0].dispatchEvent(error);
    expect(error.defaultPrevented).toBe(true);
    const taken = idle.take();
    expect(taken).toBe(started[1]);
    expect(started[0].terminated).toBe(true);
  });

  it('leaves the errors of a worker already taken to its taker', () => {
    const { idle, started } = pool();
    idle.prepare();
    idle.take();
    const error = new Event('error', { cancelable: true });
    started[0].dispatchEvent(error);
    expect(error.defaultPrevented).toBe(false);
  });
});
