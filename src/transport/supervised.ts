/**
 * The client side of a component that runs in a worker: an SDK Transport
 * that keeps the worker in check. Every request has a deadline (the rules
 * are the ledger's, request-ledger.ts); a request past it is answered with a
 * timeout error, the worker is terminated and a fresh one takes its place,
 * and a 2025-era session's `initialize`, log level and resource
 * subscriptions are replayed to it (session-replay.ts) so the client goes
 * on as if nothing happened. A worker that dies on its own (trap in
 * start-up, memory limit, crash) is handled the same way. Several restarts
 * in a row without one good answer is a crash loop: it stops.
 * A request the client cancels (`notifications/cancelled`) and that is still
 * running after a short grace period costs the worker its life the same way,
 * but gets no answer at all, as MCP asks of a cancelled request.
 * Runs in the page (browser) or the main thread (Node); knows neither.
 */
import { CancelledNotificationSchema } from '@modelcontextprotocol/core';
import { ProtocolErrorCode } from '@modelcontextprotocol/client';
import { REQUEST_TIMEOUT } from '../host/rpc-codes.js';
import type { Transport, JSONRPCMessage, JSONRPCRequest, MessageExtraInfo, RequestId } from '@modelcontextprotocol/client';
import { toWireError, type ErrorReport } from '../host/errors.js';
import type { Clock } from './clock.js';
import { MessagePortTransport, relatedRequestIdOf, type PortLike } from './message-port.js';
import { RequestLedger, type LedgerEntry } from './request-ledger.js';
import { requestKey } from './request-key.js';
import { RestartBudget } from './restart-budget.js';
import { isReplayId, SessionReplay } from './session-replay.js';
import { DEFAULT_CANCEL_GRACE_MS } from './cancel-grace.js';
import { isNotification, isRequest, isResponse, isResultResponse } from './kinds.js';

export interface WorkerLink {
  /** The port on which the worker's MCP server listens. */
  port: PortLike;
  /** Stops the worker at once (a component in an endless loop never yields). */
  terminate(): void;
  /** Set by the supervisor; the platform calls it when the worker dies on its own. */
  onexit?: (error: ErrorReport) => void;
  /** Set by the supervisor; the platform calls it with how many calls the component holds between input_required rounds. */
  onheld?: (calls: number) => void;
}

export type SupervisorEvent =
  | { type: 'restarting'; reason: ErrorReport }
  | { type: 'restarted'; restarts: number }
  | { type: 'gave-up'; reason: ErrorReport };

export interface SupervisorOptions {
  spawn(): Promise<WorkerLink>;
  /** Deadline of one request, in milliseconds. */
  timeoutMs: number;
  /** Restarts in a row, with no good answer between them, before giving up (default restart-budget.ts). */
  maxRestarts?: number;
  /** How long a cancelled request may still finish before its worker is restarted (default 500 ms). */
  cancelGraceMs?: number;
  clock?: Clock;
  onEvent?(event: SupervisorEvent): void;
}

/**
 * The worker connection: being (re)started, with what the client sent
 * meanwhile queued in order; running; or closed for good.
 */
type Connection =
  | { state: 'starting'; queue: JSONRPCMessage[] }
  | { state: 'running'; link: WorkerLink; port: MessagePortTransport }
  | { state: 'closed' };

/**
 * Why a worker is replaced. A missed deadline and a crash are the
 * component's failures (towards a crash loop); a cancellation is the
 * client's choice. After a deadline or a cancellation the request that cost
 * the worker its life is known and settled: the component runs one call at
 * a time, so the others had not started and go to the new worker. After a
 * crash nobody knows which request ran, so they all fail.
 */
type Cause = 'deadline' | 'cancelled' | 'crashed';
const COUNTS: Record<Cause, boolean> = { deadline: true, cancelled: false, crashed: true };
const CULPRIT_SETTLED: Record<Cause, boolean> = { deadline: true, cancelled: true, crashed: false };

export class SupervisedTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;

  readonly #options: SupervisorOptions;
  readonly #ledger: RequestLedger<JSONRPCRequest>;
  readonly #replay = new SessionReplay();
  readonly #budget: RestartBudget;
  #connection: Connection = { state: 'starting', queue: [] };
  #restarts = 0;

  constructor(options: SupervisorOptions) {
    this.#options = options;
    this.#budget = new RestartBudget(options.maxRestarts);
    this.#ledger = new RequestLedger<JSONRPCRequest>({
      timeoutMs: options.timeoutMs,
      cancelGraceMs: options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS,
      ...(options.clock ? { clock: options.clock } : {}),
      onDeadline: (entry) => this.#missedDeadline(entry),
      onCancelExpired: (entry) => this.#ranPastCancel(entry),
    });
  }

  get restarts(): number {
    return this.#restarts;
  }

  async start(): Promise<void> {
    await this.#attach(false);
  }

  /** Resolves once every request sent so far has had its answer passed on (a cancelled one awaits none). */
  idle(): Promise<void> {
    return this.#ledger.idle();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const connection = this.#connection;
    if (connection.state === 'closed') throw new Error('the component session is closed');
    this.#replay.sent(message);
    if (isRequest(message)) {
      this.#ledger.open(requestKey(message.id), message, message.method, connection.state === 'running');
    } else if (isNotification(message) && message.method === 'notifications/cancelled') {
      // A request still queued here never reached a worker: dropping it is the whole cancellation.
      if (this.#cancel(message) === 'dropped') return;
    } else if (isResponse(message)) {
      this.#ledger.answered(requestKey(message.id!));
    }
    if (connection.state === 'starting') {
      connection.queue.push(message);
      return;
    }
    try {
      await connection.port.send(message);
    } catch (e) {
      // A request that never left has nothing to time out: the sender learns of it from the throw.
      if (isRequest(message)) this.#ledger.forget(requestKey(message.id));
      throw e;
    }
  }

  async close(): Promise<void> {
    const connection = this.#connection;
    if (connection.state === 'closed') return;
    this.#connection = { state: 'closed' };
    this.#ledger.clear();
    if (connection.state === 'running') {
      connection.link.terminate();
      await connection.port.close();
    }
    this.onclose?.();
  }

  /**
   * The client gave up on a request. A component runs one call at a time and
   * cannot be interrupted, so one that does not finish within the grace
   * period costs its worker its life, as at a deadline; the request itself
   * is never answered (MCP: a receiver should not respond to a cancelled
   * request).
   */
  #cancel(notification: JSONRPCMessage): 'dropped' | 'grace' | undefined {
    const parsed = CancelledNotificationSchema.safeParse(notification);
    const id = parsed.success ? parsed.data.params.requestId : undefined;
    if (id === undefined) return undefined;
    const entry = this.#ledger.get(requestKey(id));
    if (!entry || entry.subject.method === 'initialize') return undefined;
    const outcome = this.#ledger.cancel(entry.key);
    if (outcome === 'dropped' && this.#connection.state === 'starting') {
      const queue = this.#connection.queue;
      queue.splice(queue.indexOf(entry.subject), 1);
    }
    return outcome;
  }

  #missedDeadline(entry: LedgerEntry<JSONRPCRequest>): void {
    const reason: ErrorReport = {
      code: 'TIMED_OUT',
      message: `${entry.subject.method} did not answer within ${this.#options.timeoutMs} ms; the component was stopped and restarted`,
    };
    this.#answer(entry.subject.id, REQUEST_TIMEOUT, reason);
    void this.#restart(reason, 'deadline');
  }

  #ranPastCancel(entry: LedgerEntry<JSONRPCRequest>): void {
    const graceMs = this.#options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS;
    this.#ledger.forget(entry.key);
    void this.#restart(
      {
        code: 'CANCELLED',
        message: `${entry.subject.method} was cancelled by the client and still ran ${graceMs} ms later; the component was stopped and restarted`,
      },
      'cancelled',
    );
  }

  /** Answers a request with an error, as the server would have. */
  #answer(id: RequestId, code: number, reason: ErrorReport): void {
    if (!this.#ledger.settle(requestKey(id))) return;
    this.onmessage?.({ jsonrpc: '2.0', id, error: { code, message: reason.message, data: { code: reason.code } } });
  }

  #fromWorker(message: JSONRPCMessage, extra?: MessageExtraInfo): void {
    if (isResponse(message)) {
      if (isReplayId(message.id)) return;
      const entry = this.#ledger.settle(requestKey(message.id!));
      if (entry) {
        this.#budget.succeeded();
        if (isResultResponse(message)) this.#replay.succeeded(entry.subject);
        // It finished within the grace period; the client, having cancelled it, expects no answer.
        if (entry.cancelled) return;
      }
    } else if (isRequest(message)) {
      // A question for the client; the worker relates it to the request it serves (see message-port.ts).
      const related = relatedRequestIdOf(extra);
      if (related !== undefined) this.#ledger.asked(requestKey(message.id), requestKey(related));
    } else if (isNotification(message) && message.method === 'notifications/cancelled') {
      // The component withdrew a question (its call was cancelled, or it gave up waiting).
      const withdrawn = CancelledNotificationSchema.safeParse(message);
      if (withdrawn.success && withdrawn.data.params.requestId !== undefined) this.#ledger.answered(requestKey(withdrawn.data.params.requestId));
    }
    this.onmessage?.(message, extra);
  }

  /** Starts a worker and sends it, in order: the replayed session (after a restart), then whatever waited. */
  async #attach(replay: boolean): Promise<void> {
    let link: WorkerLink;
    try {
      link = await this.#options.spawn();
    } catch (e) {
      if (!replay) throw e;
      await this.#restart(toWireError(e, 'WORKER_CRASHED'), 'crashed');
      return;
    }
    const connection = this.#connection;
    if (connection.state !== 'starting') {
      link.terminate();
      return;
    }
    const port = new MessagePortTransport(link.port);
    const current = () => this.#connection.state === 'running' && this.#connection.link === link;
    link.onexit = (reason) => {
      if (current()) void this.#restart(reason, 'crashed');
    };
    link.onheld = (calls) => {
      if (current()) this.#ledger.setHeld(calls);
    };
    port.onmessage = (m, extra) => {
      if (current()) this.#fromWorker(m, extra);
    };
    port.onerror = (e) => this.onerror?.(e);
    await port.start();
    if (this.#connection !== connection) {
      // Closed meanwhile.
      link.terminate();
      await port.close();
      return;
    }
    this.#connection = { state: 'running', link, port };
    // Posted with no pause between them, so nothing the client sends from now on can overtake them.
    const sends = [...(replay ? this.#replay.messages() : []), ...connection.queue].map((m) => {
      if (isRequest(m) && !isReplayId(m.id)) this.#ledger.delivered(requestKey(m.id));
      return port.send(m);
    });
    await Promise.all(sends);
  }

  async #restart(reason: ErrorReport, cause: Cause): Promise<void> {
    const old = this.#connection;
    if (old.state === 'closed') return;
    if (old.state === 'running') {
      old.link.terminate();
      void old.port.close();
    }
    const queued = old.state === 'starting' ? old.queue : [];
    // Whatever the old worker owed (answers to its questions, held calls) is lost with it.
    const carried: JSONRPCRequest[] = [];
    for (const entry of this.#ledger.detach()) {
      // Still queued: it never reached the old worker.
      if (!entry.delivered) continue;
      if (entry.cancelled) {
        this.#ledger.forget(entry.key);
      } else if (CULPRIT_SETTLED[cause] && entry.questions === 0) {
        // Had not started: it waited behind the culprit (one that waited on the client had started).
        carried.push(entry.subject);
      } else {
        this.#answer(entry.subject.id, ProtocolErrorCode.InternalError, {
          code: reason.code,
          message: `the component was restarted while this request was pending: ${reason.message}`,
        });
      }
    }
    // Ahead of what the client sent during the restart, in the order they were first sent.
    this.#connection = { state: 'starting', queue: [...carried, ...queued] };
    if (COUNTS[cause] && !this.#budget.failed()) {
      await this.#giveUp(reason);
      return;
    }
    this.#options.onEvent?.({ type: 'restarting', reason });
    this.#restarts += 1;
    await this.#attach(true);
    this.#options.onEvent?.({ type: 'restarted', restarts: this.#restarts });
  }

  /** A crash loop: every request still waiting gets its answer before the session ends. */
  async #giveUp(reason: ErrorReport): Promise<void> {
    const gaveUp: ErrorReport = {
      code: 'CRASH_LOOP',
      message: `the component failed ${this.#budget.failures} times in a row (last: ${reason.message}); not restarting it again`,
    };
    this.#options.onEvent?.({ type: 'gave-up', reason: gaveUp });
    this.onerror?.(new Error(gaveUp.message));
    for (const entry of this.#ledger.entries()) {
      if (!entry.cancelled) this.#answer(entry.subject.id, ProtocolErrorCode.InternalError, gaveUp);
    }
    await this.close();
  }
}
