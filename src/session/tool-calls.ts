/**
 * The tool calls of one session, per tool: each tool keeps its own last
 * outcome, so a call to one tool never hides the result of another. The
 * calls still running are listed oldest first: a component answers one call
 * at a time, so a later call waits for the ones before it.
 */
import type { CallToolResult } from '@modelcontextprotocol/client';
import { OutcomeStore, type Outcome, type ProgressInfo } from './outcome.js';
import { ValueStore } from './store.js';
import type { Verdict } from './verdict.js';

export interface ToolCall {
  result: CallToolResult;
  verdict: Verdict | undefined;
}

export interface RunningCall {
  id: number;
  tool: string;
}

export class ToolCalls {
  readonly #byTool = new Map<string, OutcomeStore<ToolCall>>();
  readonly #aborts = new Map<string, AbortController>();
  #ids = 0;
  /** The calls not settled yet, oldest first. */
  readonly running = new ValueStore<readonly RunningCall[]>([]);
  /** The outcome of the latest call of any tool. */
  readonly latest = new ValueStore<Outcome<ToolCall> | undefined>(undefined);

  /** The outcome store of `tool`'s calls (created on first use; empty until it is called). */
  of(tool: string): OutcomeStore<ToolCall> {
    let store = this.#byTool.get(tool);
    if (!store) this.#byTool.set(tool, (store = new OutcomeStore<ToolCall>()));
    return store;
  }

  /** Runs one call of `tool`; `action` gets a signal that `cancel(tool)` aborts. Never rejects. */
  async run(tool: string, action: (signal: AbortSignal, onProgress: (p: ProgressInfo) => void) => Promise<ToolCall>): Promise<void> {
    const store = this.of(tool);
    const abort = new AbortController();
    this.#aborts.set(tool, abort);
    const call: RunningCall = { id: ++this.#ids, tool };
    this.running.update((list) => [...list, call]);
    const mirror = () => this.latest.set(store.value);
    const stop = store.subscribe(mirror);
    try {
      await store.run(`tools/call ${tool}`, (onProgress) => action(abort.signal, onProgress));
    } finally {
      stop();
      this.running.update((list) => list.filter((c) => c !== call));
      // A settled call has nothing left to cancel.
      if (this.#aborts.get(tool) === abort) this.#aborts.delete(tool);
    }
  }

  /** Cancels the latest call of `tool`, if it is still running. */
  cancel(tool: string): void {
    this.#aborts.get(tool)?.abort('cancelled from the playground');
  }

  /** The call that `tool`'s running call waits for: the oldest running call of another tool started before it. */
  waitingFor(running: readonly RunningCall[], tool: string): string | undefined {
    const own = running.find((c) => c.tool === tool);
    if (!own) return undefined;
    return running.find((c) => c.id < own.id && c.tool !== tool)?.tool;
  }
}
