/**
 * The life of every request sent to a component, in one place: whether it
 * has reached a worker, its deadline, its cancellation, the questions the
 * component asked the client on its behalf, and the calls the component
 * holds between input_required rounds. The supervisor of a JSON-RPC
 * connection (supervised.ts) and the 2026-07-28 HTTP endpoint
 * (src/cli/modern-http.ts) keep their requests here and decide only what a
 * missed deadline or an expired cancellation does to their worker.
 *
 * The rules:
 * - A request's deadline runs once it has reached a worker; one that waits
 *   for a worker to (re)start has none yet, so a slow restart costs it nothing.
 * - A `subscriptions/listen` stream has no deadline: it is open as long as the
 *   client listens.
 * - A component runs one call at a time, so a component call's deadline is for
 *   running, not for waiting in line: when a component call finishes, the
 *   deadlines of the component calls sent after it start afresh. Only those,
 *   so answers to other requests cannot keep a runaway call alive.
 * - While the component waits on the client (a question open, or a call held
 *   between rounds) nothing else runs in it either: every deadline stops, and
 *   starts afresh once it waits on nothing.
 * - A cancelled request gets a grace period instead of its deadline, and
 *   keeps it whatever else happens.
 */
import { runsInComponent } from './component-calls.js';
import { systemClock, type Clock, type TimerHandle } from './clock.js';

export interface LedgerEntry<T> {
  readonly key: string;
  /** What the owner keeps with the request (the request itself, an HTTP exchange). */
  readonly subject: T;
  readonly method: string | undefined;
  /** Order of sending. */
  readonly seq: number;
  /** It reached a worker: its deadline may run. */
  delivered: boolean;
  /** The client cancelled it: it gets no answer, and a grace period instead of its deadline. */
  cancelled: boolean;
  /** Questions the component asked the client while serving it, not answered yet. */
  questions: number;
}

interface Slot<T> extends LedgerEntry<T> {
  timer: TimerHandle | undefined;
}

export interface LedgerOptions<T> {
  /** The deadline of one request, in milliseconds. */
  timeoutMs: number;
  /** How long a cancelled request may still run (unused by an owner that never cancels). */
  cancelGraceMs?: number;
  clock?: Clock;
  /** A request ran past its deadline. It is still in the ledger: the owner settles it. */
  onDeadline(entry: LedgerEntry<T>): void;
  /** A cancelled request still ran at the end of its grace period. It is still in the ledger. */
  onCancelExpired?(entry: LedgerEntry<T>): void;
}

export type Cancellation = 'dropped' | 'grace';

export class RequestLedger<T> {
  readonly #options: LedgerOptions<T>;
  readonly #clock: Clock;
  readonly #slots = new Map<string, Slot<T>>();
  /** Open questions of the component's, by their key → the request they serve. */
  readonly #questions = new Map<string, string>();
  #held = 0;
  #seq = 0;
  /** Who waits for every request to have its answer. */
  #idle: (() => void)[] = [];

  constructor(options: LedgerOptions<T>) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
  }

  get size(): number {
    return this.#slots.size;
  }

  get(key: string): LedgerEntry<T> | undefined {
    return this.#slots.get(key);
  }

  /** Every request in the order they were sent. */
  entries(): LedgerEntry<T>[] {
    return [...this.#slots.values()];
  }

  /** Resolves once every request has its answer (a cancelled one awaits none). */
  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Whether the component waits on the client: a question open, or a call held between rounds. */
  get waiting(): boolean {
    return this.#questions.size > 0 || this.#held > 0;
  }

  /** A request was sent; `delivered` when it went to a worker at once rather than waiting for one. */
  open(key: string, subject: T, method: string | undefined, delivered: boolean): LedgerEntry<T> {
    const slot: Slot<T> = { key, subject, method, seq: ++this.#seq, delivered, cancelled: false, questions: 0, timer: undefined };
    this.#slots.set(key, slot);
    this.#arm(slot);
    return slot;
  }

  /** A request that waited for a worker reached one: its deadline starts now. */
  delivered(key: string): void {
    const slot = this.#slots.get(key);
    if (!slot || slot.delivered) return;
    slot.delivered = true;
    if (slot.timer === undefined) this.#arm(slot);
  }

  /**
   * The request was answered. The component calls sent after it start
   * running, and the questions it left open will not be answered to anyone.
   */
  settle(key: string): LedgerEntry<T> | undefined {
    const slot = this.#remove(key);
    if (!slot) return undefined;
    if (runsInComponent(slot.method)) {
      for (const other of this.#slots.values()) {
        if (other.seq > slot.seq && runsInComponent(other.method) && other.timer !== undefined && !other.cancelled) this.#arm(other);
      }
    }
    if (slot.questions > 0) {
      for (const [question, owner] of this.#questions) if (owner === key) this.#questions.delete(question);
      this.#resume();
    }
    return slot;
  }

  /** Forgets a request with no consequence for the others (it never left, or its answer is not awaited). */
  forget(key: string): LedgerEntry<T> | undefined {
    return this.#remove(key);
  }

  /**
   * The client cancelled a request. One that never reached a worker is
   * dropped here and then; one that did gets the grace period. Undefined when
   * there is no such request or it was cancelled already.
   */
  cancel(key: string): Cancellation | undefined {
    const slot = this.#slots.get(key);
    if (!slot || slot.cancelled) return undefined;
    slot.cancelled = true;
    this.#clock.clearTimeout(slot.timer);
    slot.timer = undefined;
    if (!slot.delivered) {
      this.#slots.delete(key);
      this.#checkIdle();
      return 'dropped';
    }
    slot.timer = this.#clock.setTimeout(() => this.#options.onCancelExpired?.(slot), this.#options.cancelGraceMs ?? 0);
    this.#checkIdle();
    return 'grace';
  }

  /** The component asked the client something (`question`) while serving `owner`. */
  asked(question: string, owner: string): void {
    const slot = this.#slots.get(owner);
    if (!slot) return;
    this.#questions.set(question, owner);
    slot.questions += 1;
    this.#pause();
  }

  /** The client answered a question of the component's, or the component withdrew it. */
  answered(question: string): void {
    const owner = this.#questions.get(question);
    if (owner === undefined) return;
    this.#questions.delete(question);
    const slot = this.#slots.get(owner);
    if (slot) slot.questions -= 1;
    this.#resume();
  }

  /** How many calls the component holds between input_required rounds, as its worker reports it. */
  setHeld(calls: number): void {
    const was = this.#held;
    this.#held = calls;
    if (calls > 0 && was === 0) this.#pause();
    else if (calls === 0 && was > 0) this.#resume();
  }

  /**
   * The worker is gone. Nothing it owed (answers to questions, held calls)
   * will come, and no request is on a worker any more: every timer stops,
   * cancelled ones' grace periods too. Returns the requests in order, as they
   * were on the old worker (delivered or not, questions open), for the owner
   * to answer, forget or send again.
   */
  detach(): LedgerEntry<T>[] {
    const before = [...this.#slots.values()].map(({ timer: _timer, ...entry }) => entry);
    this.#questions.clear();
    this.#held = 0;
    for (const slot of this.#slots.values()) {
      slot.questions = 0;
      slot.delivered = false;
      this.#clock.clearTimeout(slot.timer);
      slot.timer = undefined;
    }
    return before;
  }

  /** Stops every timer and forgets every request. */
  clear(): void {
    for (const slot of this.#slots.values()) this.#clock.clearTimeout(slot.timer);
    this.#slots.clear();
    this.#questions.clear();
    this.#held = 0;
    this.#checkIdle();
  }

  #remove(key: string): Slot<T> | undefined {
    const slot = this.#slots.get(key);
    if (!slot) return undefined;
    this.#clock.clearTimeout(slot.timer);
    this.#slots.delete(key);
    this.#checkIdle();
    return slot;
  }

  #isIdle(): boolean {
    for (const slot of this.#slots.values()) if (!slot.cancelled) return false;
    return true;
  }

  #checkIdle(): void {
    if (this.#idle.length === 0 || !this.#isIdle()) return;
    const waiting = this.#idle;
    this.#idle = [];
    for (const resolve of waiting) resolve();
  }

  /** Starts a request's deadline afresh, if it has one now. */
  #arm(slot: Slot<T>): void {
    this.#clock.clearTimeout(slot.timer);
    slot.timer = undefined;
    if (!slot.delivered || slot.cancelled || this.waiting || slot.method === 'subscriptions/listen') return;
    slot.timer = this.#clock.setTimeout(() => {
      slot.timer = undefined;
      this.#options.onDeadline(slot);
    }, this.#options.timeoutMs);
  }

  #pause(): void {
    for (const slot of this.#slots.values()) {
      if (slot.cancelled) continue;
      this.#clock.clearTimeout(slot.timer);
      slot.timer = undefined;
    }
  }

  #resume(): void {
    if (this.waiting) return;
    for (const slot of this.#slots.values()) if (slot.timer === undefined && !slot.cancelled) this.#arm(slot);
  }
}
