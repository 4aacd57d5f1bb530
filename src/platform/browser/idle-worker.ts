/**
 * One component Worker started before it is needed. Starting a
 * module Worker and evaluating its code (the WASI shim, the MCP SDK and the
 * zod schemas it builds on import) was 45–70 ms of every load on the bench
 * machine, a third of a repeat load. A load takes the waiting worker; the next
 * one starts once that load has settled: started with the load, its start-up
 * competed with the load for two cores and made a 12.9 MB load slower.
 *
 * A worker is still used for one component only (the shim's stdio and
 * preopens are module-global): the waiting one has received nothing yet.
 */
interface Waiting {
  worker: Worker;
  /** It failed to start (its script did not load or threw) while nobody was listening. */
  failed: boolean;
}

export class IdleWorker {
  readonly #start: () => Worker;
  #waiting: Waiting | undefined;

  constructor(start: () => Worker) {
    this.#start = start;
  }

  /** The waiting worker if it started cleanly, else a new one (whose failure its taker will see). */
  take(): Worker {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting && !waiting.failed) return waiting.worker;
    waiting?.worker.terminate();
    return this.#start();
  }

  /** Starts a worker to wait for the next load, unless one is already waiting. */
  prepare(): void {
    if (this.#waiting) return;
    const waiting: Waiting = { worker: this.#start(), failed: false };
    waiting.worker.addEventListener('error', (event) => {
      // Not reported to the page: take() starts another, and that one reports its own failure.
      if (this.#waiting === waiting) event.preventDefault();
      waiting.failed = true;
    });
    this.#waiting = waiting;
  }
}
