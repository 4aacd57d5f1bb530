/**
 * The client side of a component that runs in a worker: an SDK Transport
 * that keeps the worker in check. Every request has a deadline (a component
 * call's counts from when the calls queued before it finished); a request
 * past it is answered with a timeout error, the worker is terminated and a
 * fresh one takes its place, and the session's `initialize`, log level and
 * resource subscriptions are replayed to it so the client goes on as if
 * nothing happened. A worker that dies on its own
 * (trap in start-up, memory limit, crash) is handled the same way. Several
 * restarts in a row without one good answer is a crash loop: it stops.
 * A request the client cancels (`notifications/cancelled`) and that is still
 * running after a short grace period costs the worker its life the same way,
 * but gets no answer at all, as MCP asks of a cancelled request.
 * Runs in the page (browser) or the main thread (Node); knows neither.
 */
import { CancelledNotificationSchema } from '@modelcontextprotocol/core';
import { isJSONRPCNotification, isJSONRPCRequest, isJSONRPCResultResponse, isJSONRPCErrorResponse, ProtocolErrorCode } from '@modelcontextprotocol/client';
import { REQUEST_TIMEOUT } from '../host/rpc-codes.js';
import type { Transport, JSONRPCMessage, JSONRPCRequest, MessageExtraInfo, RequestId } from '@modelcontextprotocol/client';
import { toWireError, type ErrorReport } from '../host/errors.js';
import { QUESTION_TIMEOUT_MS } from '../host/question-timeout.js';
import { MessagePortTransport, relatedRequestIdOf, type PortLike } from './message-port.js';
import { runsInComponent } from './component-calls.js';
import { requestKey } from './request-key.js';

export interface WorkerLink {
  /** The port on which the worker's MCP server listens. */
  port: PortLike;
  /** Stops the worker at once (a component in an endless loop never yields). */
  terminate(): void;
  /** Set by the supervisor; the platform calls it when the worker dies on its own. */
  onexit?: (error: ErrorReport) => void;
  /** The platform calls it with how many calls the component holds between input_required rounds. */
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
  /** Restarts in a row, with no good answer between them, before giving up. */
  maxRestarts?: number;
  /** How long a cancelled request may still finish before its worker is restarted (default 500 ms). */
  cancelGraceMs?: number;
  onEvent?(event: SupervisorEvent): void;
}

interface Pending {
  id: RequestId;
  request: JSONRPCRequest;
  /** The deadline, or the grace period once cancelled; unset while the component waits on the client. */
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Requests the component sent the client while handling this one, not yet answered. */
  waiting: number;
  /** The client cancelled it: whatever happens, the client gets no answer to it. */
  cancelled: boolean;
  /** Order of sending: a component call waits behind the component calls sent before it. */
  seq: number;
}


export const DEFAULT_CANCEL_GRACE_MS = 500;

/** Ids of the requests the supervisor replays to a new worker; their answers stay here. */
const REPLAY = 'supervisor:';
const isReplay = (id: RequestId | undefined) => typeof id === 'string' && id.startsWith(REPLAY);

export class SupervisedTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;

  readonly #options: SupervisorOptions;
  readonly #pending = new Map<string, Pending>();
  /** The worker's requests to the client (sampling, elicitation) → the pending request they serve. */
  readonly #asked = new Map<string, string>();
  /**
   * 2026-07-28: calls the component holds while the client answers an
   * `input_required` round, by the round's requestState, until the retry
   * carrying it arrives (or the host gives up waiting).
   */
  readonly #held = new Map<string, ReturnType<typeof setTimeout>>();
  #link: WorkerLink | undefined;
  #port: MessagePortTransport | undefined;
  /** Messages sent while a worker is being (re)started. */
  #queue: JSONRPCMessage[] | undefined = [];
  #initialize: JSONRPCRequest | undefined;
  #initialized = false;
  /** Session state the server holds, set by requests that succeeded: replayed after a restart. */
  #logLevel: JSONRPCRequest['params'] | undefined;
  readonly #subscriptions = new Map<string, JSONRPCRequest['params']>();
  #failures = 0;
  #restarts = 0;
  #closed = false;
  #seq = 0;

  constructor(options: SupervisorOptions) {
    this.#options = options;
  }

  get restarts(): number {
    return this.#restarts;
  }

  async start(): Promise<void> {
    await this.#attach(false);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed) throw new Error('the component session is closed');
    if (isJSONRPCRequest(message)) {
      if (message.method === 'initialize') this.#initialize = message;
      this.#release(requestStateOf(message.params));
      // A request queued while a worker (re)starts has its deadline start when it reaches one:
      // a slow restart must not time out the requests that wait for it.
      this.#track(message, this.#queue === undefined);
    } else if (isJSONRPCNotification(message) && message.method === 'notifications/initialized') {
      this.#initialized = true;
    } else if (isJSONRPCNotification(message) && message.method === 'notifications/cancelled') {
      // A request still queued here never reached a worker: dropping it is the whole cancellation.
      if (this.#cancel(message)) return;
    } else if (isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message)) {
      this.#clientAnswered(message.id!);
    }
    if (this.#queue) {
      this.#queue.push(message);
      return;
    }
    try {
      await this.#port!.send(message);
    } catch (e) {
      // A request that never left has nothing to time out: the sender learns of it from the throw.
      if (isJSONRPCRequest(message)) this.#untrack(message.id);
      throw e;
    }
  }

  #untrack(id: RequestId): void {
    clearTimeout(this.#pending.get(requestKey(id))?.timer);
    this.#pending.delete(requestKey(id));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of this.#held.values()) clearTimeout(timer);
    for (const p of this.#pending.values()) clearTimeout(p.timer);
    this.#pending.clear();
    this.#link?.terminate();
    await this.#port?.close();
    this.onclose?.();
  }

  #track(request: JSONRPCRequest, armed: boolean): void {
    this.#pending.set(requestKey(request.id), {
      id: request.id,
      request,
      timer: armed && !this.#waiting ? this.#arm(request) : undefined,
      waiting: 0,
      cancelled: false,
      seq: ++this.#seq,
    });
  }

  /**
   * The client gave up on a request. A component runs one call at
   * a time and cannot be interrupted, so if the request does not finish
   * within the grace period its worker is terminated and restarted, as at a
   * deadline; the request itself is never answered (MCP: a receiver should
   * not respond to a cancelled request). Returns true when the request was
   * still queued here and is simply dropped.
   */
  #cancel(notification: JSONRPCMessage): boolean {
    const parsed = CancelledNotificationSchema.safeParse(notification);
    const id = parsed.success ? parsed.data.params.requestId : undefined;
    const pending = id === undefined ? undefined : this.#pending.get(requestKey(id));
    if (!pending || pending.cancelled || pending.request.method === 'initialize') return false;
    pending.cancelled = true;
    clearTimeout(pending.timer);
    const queued = this.#queue?.indexOf(pending.request) ?? -1;
    if (queued >= 0) {
      this.#queue!.splice(queued, 1);
      this.#pending.delete(requestKey(pending.id));
      return true;
    }
    const graceMs = this.#options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS;
    pending.timer = setTimeout(() => {
      const reason: ErrorReport = {
        code: 'CANCELLED',
        message: `${pending.request.method} was cancelled by the client and still ran ${graceMs} ms later; the component was stopped and restarted`,
      };
      // The client's choice, not the component's failure: it does not count towards a crash loop.
      void this.#restart(reason, false, true);
    }, graceMs);
    return false;
  }

  /** The deadline of a request; none for a subscriptions/listen stream, open as long as the client listens. */
  #arm(request: JSONRPCRequest): ReturnType<typeof setTimeout> | undefined {
    if (request.method === 'subscriptions/listen') return undefined;
    return setTimeout(() => {
      const reason: ErrorReport = {
        code: 'TIMED_OUT',
        message: `${request.method} did not answer within ${this.#options.timeoutMs} ms; the component was stopped and restarted`,
      };
      this.#answer(request.id, REQUEST_TIMEOUT, reason);
      void this.#restart(reason, true, true);
    }, this.#options.timeoutMs);
  }

  /**
   * A component that asks the client something (sampling, elicitation) is
   * suspended until the answer comes, perhaps from a person. The host runs
   * one handler at a time, so while it waits nothing else runs either: every
   * deadline stops meanwhile and starts afresh once the client has answered
   * all it was asked. A cancelled request keeps its grace period.
   * The worker relates its request through relatedRequestId.
   */
  #componentAsked(request: JSONRPCRequest, extra: MessageExtraInfo | undefined): void {
    const related = relatedRequestIdOf(extra);
    const pending = related === undefined ? undefined : this.#pending.get(requestKey(related));
    if (!pending) return;
    this.#asked.set(requestKey(request.id), requestKey(pending.id));
    pending.waiting += 1;
    this.#pauseDeadlines();
  }

  /** The client answered a question of the component's, or the question was withdrawn. */
  #clientAnswered(id: RequestId): void {
    const owner = this.#asked.get(requestKey(id));
    if (owner === undefined) return;
    this.#asked.delete(requestKey(id));
    const pending = this.#pending.get(owner);
    if (pending) pending.waiting -= 1;
    this.#resumeDeadlines();
  }

  /** Whether the component waits on the client: a question open (2025) or a call held between rounds (2026-07-28). */
  get #waiting(): boolean {
    return this.#asked.size > 0 || this.#held.size > 0;
  }

  /** An `input_required` round went to the client: the component holds its call until the retry. */
  #hold(requestState: string): void {
    clearTimeout(this.#held.get(requestState));
    this.#held.set(requestState, setTimeout(() => this.#release(requestState), QUESTION_TIMEOUT_MS));
    this.#pauseDeadlines();
  }

  #release(requestState: string | undefined): void {
    if (requestState === undefined || !this.#held.has(requestState)) return;
    clearTimeout(this.#held.get(requestState));
    this.#held.delete(requestState);
    this.#resumeDeadlines();
  }

  #pauseDeadlines(): void {
    for (const other of this.#pending.values()) {
      if (other.cancelled) continue;
      clearTimeout(other.timer);
      other.timer = undefined;
    }
  }

  /** Once no question is open, every deadline starts afresh. */
  #resumeDeadlines(): void {
    if (this.#waiting) return;
    for (const other of this.#pending.values()) {
      if (other.cancelled || other.timer !== undefined || this.#queue?.includes(other.request)) continue;
      other.timer = this.#arm(other.request);
    }
  }

  /**
   * A component call finished, so the one waiting behind it starts running
   * now: the deadlines of the component calls sent after it start afresh.
   * Its deadline is for running, not for waiting in line. Only calls sent
   * after the finished one are affected, so answers to other requests cannot
   * keep a runaway call alive.
   */
  #nextInLine(finished: number): void {
    for (const other of this.#pending.values()) {
      if (other.seq < finished || other.timer === undefined || other.cancelled) continue;
      if (!runsInComponent(other.request.method)) continue;
      clearTimeout(other.timer);
      other.timer = this.#arm(other.request);
    }
  }

  /** Answers a pending request with an error, as the server would have. */
  #answer(id: RequestId, code: number, reason: ErrorReport): void {
    const pending = this.#pending.get(requestKey(id));
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#pending.delete(requestKey(id));
    this.onmessage?.({ jsonrpc: '2.0', id, error: { code, message: reason.message, data: { code: reason.code } } });
  }

  /** The log level and subscriptions live in the worker's server: a new worker is told them again. */
  #remember(request: JSONRPCRequest): void {
    const uri = (request.params as { uri?: unknown } | undefined)?.uri;
    if (request.method === 'logging/setLevel') this.#logLevel = request.params;
    else if (request.method === 'resources/subscribe' && typeof uri === 'string') this.#subscriptions.set(uri, request.params);
    else if (request.method === 'resources/unsubscribe' && typeof uri === 'string') this.#subscriptions.delete(uri);
  }

  #fromWorker(message: JSONRPCMessage, extra?: MessageExtraInfo): void {
    if (isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message)) {
      if (isReplay(message.id)) return;
      const pending = this.#pending.get(requestKey(message.id!));
      if (pending && isJSONRPCResultResponse(message)) this.#remember(pending.request);
      const held = isJSONRPCResultResponse(message) ? heldStateOf(message.result) : undefined;
      if (held !== undefined) this.#hold(held);
      if (pending) {
        clearTimeout(pending.timer);
        this.#pending.delete(requestKey(message.id!));
        this.#failures = 0;
        if (runsInComponent(pending.request.method)) this.#nextInLine(pending.seq);
        // Questions it left open will not be answered to anyone.
        if (pending.waiting > 0) {
          for (const [asked, owner] of this.#asked) if (owner === requestKey(pending.id)) this.#asked.delete(asked);
          this.#resumeDeadlines();
        }
        // It finished within the grace period; the client, having cancelled it, expects no answer.
        if (pending.cancelled) return;
      }
    } else if (isJSONRPCRequest(message)) {
      this.#componentAsked(message, extra);
    } else if (isJSONRPCNotification(message) && message.method === 'notifications/cancelled') {
      // The component withdrew a question (its call was cancelled, or it gave up waiting).
      const withdrawn = CancelledNotificationSchema.safeParse(message);
      if (withdrawn.success && withdrawn.data.params.requestId !== undefined) this.#clientAnswered(withdrawn.data.params.requestId);
    }
    // extra carries relatedRequestId across the worker boundary (see message-port.ts).
    this.onmessage?.(message, extra);
  }

  async #attach(replay: boolean): Promise<void> {
    this.#queue ??= [];
    let link: WorkerLink;
    try {
      link = await this.#options.spawn();
    } catch (e) {
      const reason = toWireError(e, 'WORKER_CRASHED');
      if (!replay) throw e;
      await this.#restart(reason);
      return;
    }
    if (this.#closed) {
      link.terminate();
      return;
    }
    this.#link = link;
    link.onexit = (reason) => {
      if (this.#link === link) void this.#restart(reason);
    };
    const port = new MessagePortTransport(link.port);
    port.onmessage = (m, extra) => {
      if (this.#port === port) this.#fromWorker(m, extra);
    };
    port.onerror = (e) => this.onerror?.(e);
    this.#port = port;
    await port.start();
    if (replay && this.#initialize) {
      await port.send({ ...this.#initialize, id: `${REPLAY}initialize` });
      if (this.#initialized) await port.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      if (this.#logLevel) await port.send({ jsonrpc: '2.0', id: `${REPLAY}setLevel`, method: 'logging/setLevel', params: this.#logLevel });
      for (const [uri, params] of this.#subscriptions) {
        await port.send({ jsonrpc: '2.0', id: `${REPLAY}subscribe:${uri}`, method: 'resources/subscribe', params });
      }
    }
    const queued = this.#queue;
    this.#queue = undefined;
    for (const m of queued) {
      const pending = isJSONRPCRequest(m) ? this.#pending.get(requestKey(m.id)) : undefined;
      if (pending && pending.timer === undefined && !this.#waiting) pending.timer = this.#arm(pending.request);
      await port.send(m);
    }
  }

  /**
   * `counts`: whether this restart is a failure of the component (towards maxRestarts).
   * `culpritKnown`: the request that cost the worker its life (timed out or cancelled) is
   * already settled. The host runs one handler at a time, so the other requests on that
   * worker never started unless they were waiting on the client: they go to the new
   * worker instead of failing. After a crash nobody knows which request ran, so all fail.
   */
  async #restart(reason: ErrorReport, counts = true, culpritKnown = false): Promise<void> {
    if (this.#closed) return;
    const old = this.#link;
    this.#link = undefined;
    old?.terminate();
    const oldPort = this.#port;
    this.#port = undefined;
    void oldPort?.close();
    // Whatever the old worker still owed is lost with it.
    this.#asked.clear();
    for (const timer of this.#held.values()) clearTimeout(timer);
    this.#held.clear();
    const carried: JSONRPCRequest[] = [];
    for (const pending of [...this.#pending.values()]) {
      clearTimeout(pending.timer);
      pending.timer = undefined;
      if (pending.cancelled) {
        this.#pending.delete(requestKey(pending.id));
      } else if (culpritKnown && pending.waiting === 0 && !this.#queue?.includes(pending.request)) {
        carried.push(pending.request);
      } else if (!this.#queue?.includes(pending.request)) {
        this.#answer(pending.id, ProtocolErrorCode.InternalError, {
          code: reason.code,
          message: `the component was restarted while this request was pending: ${reason.message}`,
        });
      }
    }
    // Ahead of what the client sent during the restart, in the order they were first sent.
    this.#queue = [...carried, ...(this.#queue ?? [])];
    if (counts) this.#failures += 1;
    const limit = this.#options.maxRestarts ?? 3;
    if (this.#failures > limit) {
      const gaveUp: ErrorReport = {
        code: 'CRASH_LOOP',
        message: `the component failed ${this.#failures} times in a row (last: ${reason.message}); not restarting it again`,
      };
      this.#options.onEvent?.({ type: 'gave-up', reason: gaveUp });
      this.onerror?.(new Error(gaveUp.message));
      // Every request still waiting gets its answer before the session ends.
      for (const pending of [...this.#pending.values()]) {
        if (!pending.cancelled) this.#answer(pending.id, ProtocolErrorCode.InternalError, gaveUp);
      }
      await this.close();
      return;
    }
    this.#options.onEvent?.({ type: 'restarting', reason });
    this.#restarts += 1;
    await this.#attach(true);
    this.#options.onEvent?.({ type: 'restarted', restarts: this.#restarts });
  }
}

/** The requestState a retry carries (2026-07-28 input_required rounds). */
function requestStateOf(params: unknown): string | undefined {
  const state = (params as { requestState?: unknown } | undefined)?.requestState;
  return typeof state === 'string' ? state : undefined;
}

/** The requestState of an `input_required` result: the component holds the call it names. */
function heldStateOf(result: unknown): string | undefined {
  const r = result as { resultType?: unknown; requestState?: unknown };
  return r.resultType === 'input_required' && typeof r.requestState === 'string' ? r.requestState : undefined;
}

