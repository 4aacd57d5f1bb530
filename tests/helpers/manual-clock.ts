/**
 * A clock the test moves by hand (the lifecycle's `Clock`): timers fire only
 * in `advance`, in the order they fall due, and after each one whatever it
 * set off (promises, messages between in-thread ports) runs to rest.
 */
import type { Clock, TimerHandle } from '../../src/transport/clock.js';

/** Lets every promise and message already under way run. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ManualClock implements Clock {
  #now = 0;
  #next = 0;
  readonly #timers = new Map<number, { at: number; callback: () => void }>();

  get now(): number {
    return this.#now;
  }

  /** Timers not fired or cleared yet. */
  get pending(): number {
    return this.#timers.size;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = ++this.#next;
    this.#timers.set(id, { at: this.#now + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    if (typeof handle === 'number') this.#timers.delete(handle);
  }

  /** Moves time forward by `ms`, firing each timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.#now + ms;
    await settle();
    for (;;) {
      let due: [number, { at: number; callback: () => void }] | undefined;
      for (const timer of this.#timers) if (timer[1].at <= end && (!due || timer[1].at < due[1].at)) due = timer;
      if (!due) break;
      this.#timers.delete(due[0]);
      this.#now = due[1].at;
      due[1].callback();
      await settle();
    }
    this.#now = end;
  }
}
