/**
 * A budget on the bytes the host copies out of a component in one call. jco's
 * generated code copies every string and byte list a component hands over
 * (results, and the arguments of runtime imports such as log), reading
 * wherever the component points: a result of 20,000 text blocks that all
 * point at the same 1 MiB is 20 GiB to copy from 1 MiB of linear memory. The
 * host makes that code charge each copy to the budget of the call under way
 * (lift-budget.ts), and the copy that would overspend throws COPY_LIMIT
 * instead of being made.
 */
import { HostError } from './errors.js';
import { mib } from './memory.js';

/** What one handler call (or the component's run) may copy out of the component. */
export const COPY_BUDGET_BYTES = 32 * 2 ** 20;

/** The key of the import object under which jco's generated code finds the budget. */
export const COPY_BUDGET_IMPORT = 'wasi-mcp:host/copy-budget';

export class CopyBudget {
  readonly limitBytes: number;
  #left: number;
  #during = 'run';

  constructor(limitBytes = COPY_BUDGET_BYTES) {
    this.limitBytes = limitBytes;
    this.#left = limitBytes;
  }

  /** A fresh budget for the call `during` (a handler name, or run). */
  start(during: string): void {
    this.#during = during;
    this.#left = this.limitBytes;
  }

  /** Charges `bytes`; throws COPY_LIMIT, copying nothing, when they are more than what is left. */
  charge(bytes: number): void {
    if (bytes > this.#left) {
      this.#left = 0;
      throw new HostError(
        'COPY_LIMIT',
        `the component handed the host more than ${mib(this.limitBytes)} in ${this.#during} (the copy budget of one call)`,
      );
    }
    this.#left -= bytes;
  }

  /** A TextDecoder whose every decode is charged first. */
  decoder(label?: string): { decode(input: ArrayBufferView): string } {
    const decoder = new TextDecoder(label);
    return {
      decode: (input) => {
        this.charge(input.byteLength);
        return decoder.decode(input);
      },
    };
  }

  /** `buffer.slice(start, end)`, charged first. */
  slice(buffer: ArrayBuffer, start: number, end: number): ArrayBuffer {
    this.charge(Math.max(0, end - start));
    return buffer.slice(start, end);
  }
}
