/**
 * How many times in a row a component may fail (a deadline, a crash) before
 * its supervisor stops restarting it: a crash loop. One good answer from
 * the component starts the count again.
 */
export const DEFAULT_MAX_RESTARTS = 3;

export class RestartBudget {
  readonly limit: number;
  #failures = 0;

  constructor(limit = DEFAULT_MAX_RESTARTS) {
    this.limit = limit;
  }

  get failures(): number {
    return this.#failures;
  }

  /** The component answered: it works. */
  succeeded(): void {
    this.#failures = 0;
  }

  /** Counts one failure; false once there were more in a row than the limit. */
  failed(): boolean {
    this.#failures += 1;
    return this.#failures <= this.limit;
  }
}
