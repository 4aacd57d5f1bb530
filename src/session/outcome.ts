/**
 * The result of one action a panel started (a tool call, a resource read, a
 * console send), always in the same shape. A newer action supersedes an older
 * one: answers that arrive late are dropped by sequence number.
 */
import { ProtocolError } from '@modelcontextprotocol/client';
import { Store } from './store.js';

export interface ErrorInfo {
  message: string;
  code?: number | string;
  data?: unknown;
}

export interface ProgressInfo {
  progress: number;
  total?: number;
  message?: string;
}

export interface Outcome<T> {
  seq: number;
  label: string;
  pending: boolean;
  startedAt: number;
  ms?: number;
  result?: T;
  error?: ErrorInfo;
  progress?: ProgressInfo;
}

export function errorInfo(e: unknown): ErrorInfo {
  if (e instanceof ProtocolError) return e.data === undefined ? { message: e.message, code: e.code } : { message: e.message, code: e.code, data: e.data };
  if (typeof e === 'object' && e !== null && 'message' in e) {
    const code = 'code' in e && (typeof e.code === 'string' || typeof e.code === 'number') ? e.code : undefined;
    return code === undefined ? { message: String(e.message) } : { message: String(e.message), code };
  }
  return { message: String(e) };
}

export class OutcomeStore<T> extends Store<Outcome<T> | undefined> {
  #seq = 0;

  constructor() {
    super(undefined);
  }

  /** Runs `action`; resolves when it settled (never rejects: the error is in the outcome). */
  async run(label: string, action: (onProgress: (p: ProgressInfo) => void) => Promise<T>): Promise<void> {
    const seq = ++this.#seq;
    const startedAt = performance.now();
    this.set({ seq, label, pending: true, startedAt });
    const current = () => this.value?.seq === seq;
    const onProgress = (progress: ProgressInfo) => {
      if (current()) this.update((o) => o && { ...o, progress });
    };
    try {
      const result = await action(onProgress);
      if (current()) this.update((o) => o && { ...o, pending: false, result, ms: performance.now() - startedAt });
    } catch (e) {
      if (current()) this.update((o) => o && { ...o, pending: false, error: errorInfo(e), ms: performance.now() - startedAt });
    }
  }

  clear(): void {
    this.#seq += 1;
    this.set(undefined);
  }
}
