/**
 * A component that asks the client something (request-sampling,
 * request-elicitation, request-roots) is suspended inside its handler until
 * the answer comes. MCP 2026-07-28 has no server-to-client requests: the
 * server answers `input_required` with the question and the client retries
 * the request with the answer. This module bridges the two: the component
 * call is held in this process between the rounds, the round's result says
 * which call and which question a retry continues (in `requestState`, signed,
 * so a client cannot continue another call or forge one), and the retry hands
 * the answer to the waiting component, which then finishes or asks again.
 *
 * (A 2025-era session asks the client directly instead: server.ts.)
 *
 * A held call keeps the component busy (it runs one handler at a time), so a
 * call whose client never comes back is released after `QUESTION_TIMEOUT_MS`:
 * its question fails with `timeout` and the component goes on.
 */
import {
  createRequestStateCodec,
  inputRequired,
  inputResponse,
  ProtocolError,
  ProtocolErrorCode,
  type ClientCapabilities,
  type InputRequest,
  type InputRequests,
  type InputRequiredResult,
  type RequestStateCodec,
  type ServerContext,
} from '@modelcontextprotocol/server';
import { GuestError } from './component.js';
import { QUESTION_TIMEOUT_MS } from './question-timeout.js';
import { STATE_KEY_MIN_BYTES } from './state-key.js';
import { McpErrorResource, type CallContext, type ClientRequestMethod } from './runtime.js';

/**
 * What a round's `requestState` carries, for the request it belongs to:
 * either the held call and its question (the suspending imports), or the
 * state the component gave input-required, base64 (the stateless form).
 */
type RoundState = { request: string } & ({ instance: string; call: string; question: string } | { component?: string });

export interface Question {
  key: string;
  method: ClientRequestMethod;
  params: unknown;
  answer(value: unknown): void;
  fail(error: McpErrorResource): void;
}

export type Step<R> = { kind: 'done'; value: R } | { kind: 'failed'; error: unknown } | { kind: 'asked'; question: Question };

/** The capability a client must declare for the host to ask it `method`. */
export const CAPABILITY: Record<ClientRequestMethod, keyof ClientCapabilities> = {
  'sampling/createMessage': 'sampling',
  'elicitation/create': 'elicitation',
  'roots/list': 'roots',
};

/** One component call, possibly suspended on a question. */
export class HeldCall<R> {
  readonly id: string;
  /** The context the component's log, progress and questions go to: the round being served. */
  readonly context: CallContext;
  /** Set when a question was refused because the client lacks the capability it needs. */
  missingCapability: keyof ClientCapabilities | undefined;
  /** Resolves when the component starts the call (it may first wait behind another). */
  readonly running: Promise<void>;
  #outcome: Step<R> | undefined;
  #question: Question | undefined;
  #wake: (() => void) | undefined;
  #questions = 0;

  constructor(id: string, context: CallContext) {
    this.id = id;
    this.context = context;
    this.running = new Promise((resolve) => (context.onRun = resolve));
  }

  run(call: Promise<R>): void {
    call.then(
      (value) => this.#settle({ kind: 'done', value }),
      (error: unknown) => this.#settle({ kind: 'failed', error }),
    );
  }

  /** The component's question: resolves with the client's answer, in whichever round it comes. */
  ask(method: ClientRequestMethod, params: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.#question = {
        key: `q${++this.#questions}`,
        method,
        params,
        answer: resolve,
        fail: reject,
      };
      this.#wake?.();
    });
  }

  get question(): Question | undefined {
    return this.#question;
  }

  /** Hands the client's answer to the waiting component (or fails its question). */
  answer(question: Question, settle: (q: Question) => void): void {
    this.#question = undefined;
    settle(question);
  }

  /** Waits until the call finishes or asks something. */
  next(): Promise<Step<R>> {
    const ready = (): Step<R> | undefined => this.#outcome ?? (this.#question ? { kind: 'asked', question: this.#question } : undefined);
    const now = ready();
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      this.#wake = () => {
        const step = ready();
        if (!step) return;
        this.#wake = undefined;
        resolve(step);
      };
    });
  }

  #settle(step: Step<R>): void {
    this.#outcome = step;
    this.#wake?.();
  }
}

export interface RoundRequest {
  /** The request's method and the name or URI it names: a round's state is valid only for the same. */
  method: string;
  target: string;
  /** What the client declared (modern era: the request's envelope; 2025: initialize). */
  clientCapabilities: ClientCapabilities | undefined;
  /** The context of this round: progress token and where notifications go. */
  context: CallContext;
}

/**
 * How a call may leave its request and go on as a task (tasks.ts): when,
 * once the component has started it, it waits on anything (a timer, a
 * question) instead of finishing in the same turn of the event loop; or, for
 * a tool that runs only as a task, whenever it does not end with an
 * input_required round.
 */
export interface Escalation<R, T> {
  required: boolean;
  adopt(call: HeldCall<R>, start: (context: CallContext) => Promise<R>): T;
}

export interface RoundsOptions {
  /** Hears how many calls wait for a client's retry whenever that changes. */
  onHeld?: (calls: number) => void;
  /**
   * The key that signs and checks `requestState`; a random one when absent.
   * Processes given the same key accept each other's stateless rounds, so
   * a retry may reach any of them; a held call is only ever in the process
   * that asked.
   */
  stateKey?: Uint8Array;
}

/** The component calls held between rounds, for one component instance. */
export class Rounds {
  readonly #held = new Map<string, HeldCall<unknown>>();
  /** Calls whose question went to the client, until its retry comes or QUESTION_TIMEOUT_MS passes. */
  readonly #waiting = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #codec: RequestStateCodec<RoundState>;
  /**
   * Names this instance in the states of its held calls: with a shared key
   * another process, or the next instance after a worker restart, verifies
   * them too, and must not take the call number for one of its own.
   */
  readonly #instance = crypto.randomUUID();
  #next = 0;

  readonly #onHeld: ((calls: number) => void) | undefined;

  constructor(options: RoundsOptions = {}) {
    this.#onHeld = options.onHeld;
    this.#codec = createRequestStateCodec<RoundState>({
      key: options.stateKey ?? crypto.getRandomValues(new Uint8Array(STATE_KEY_MIN_BYTES)),
      ttlSeconds: QUESTION_TIMEOUT_MS / 1000,
    });
  }

  /** For ServerOptions.requestState.verify: a forged, altered or expired state is refused before any handler runs. */
  get verify(): (state: string, ctx: ServerContext) => unknown {
    return this.#codec.verify as (state: string, ctx: ServerContext) => unknown;
  }

  /**
   * Serves one round of a request whose handler may ask the client: the
   * first round starts `start` (the component call), a retry continues the
   * call its state names. Returns the result, or `input_required` with the
   * component's next question.
   */
  async serve<R, T = never>(
    ctx: ServerContext,
    request: RoundRequest,
    start: (context: CallContext) => Promise<R>,
    escalation?: Escalation<R, T>,
  ): Promise<R | InputRequiredResult | T> {
    const state = ctx.mcpReq.requestState<RoundState>();
    if (state !== undefined && state.request !== requestKeyOf(request)) {
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `requestState belongs to another request than ${request.method} ${request.target}`);
    }
    let call: HeldCall<R>;
    if (state !== undefined && 'call' in state) {
      call = this.#resume(state, request);
      const question = call.question;
      if (question?.key === state.question) {
        const response = inputResponse(ctx.mcpReq.inputResponses, question.key);
        // A retry without the answer is asked the same question again.
        if (response.kind === 'missing') return this.#ask(call, question, request);
        call.answer(question, (q) => q.answer(answerOf(response)));
      }
    } else {
      const responses = ctx.mcpReq.inputResponses as unknown;
      if (responses !== undefined && !isResponseMap(responses)) {
        throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'inputResponses must be an object of the results of the requests asked, by key');
      }
      call = this.#start(request, start, {
        ...(responses === undefined ? {} : { inputResponses: responses }),
        ...(state?.component === undefined ? {} : { requestState: fromBase64(state.component) }),
      });
    }
    if (escalation) {
      // Waiting behind another call does not count: the call's own first turn decides.
      await Promise.race([call.running, call.next()]);
      const step = await Promise.race([call.next(), nextTurn()]);
      const round = step?.kind === 'done' && call.context.inputRequired !== undefined;
      const answered = step !== undefined && step.kind !== 'asked' && (round || !escalation.required);
      if (!answered) {
        this.#held.delete(call.id);
        return escalation.adopt(call, start);
      }
    }
    return this.#advance(call, request);
  }

  #start<R>(request: RoundRequest, start: (context: CallContext) => Promise<R>, retry: Partial<CallContext>): HeldCall<R> {
    const id = `${++this.#next}`;
    const context: CallContext = {
      ...request.context,
      ...retry,
      clientCapabilities: request.clientCapabilities ?? {},
      // A 2025 session asks the client directly; otherwise the question is held across rounds.
      request: request.context.request ?? ((method, params) => call.ask(method, params)),
    };
    const call = new HeldCall<R>(id, context);
    this.#held.set(id, call as HeldCall<unknown>);
    call.run(start(context));
    return call;
  }

  #resume<R>(state: { instance: string; call: string }, request: RoundRequest): HeldCall<R> {
    if (state.instance !== this.#instance) {
      throw new ProtocolError(
        ProtocolErrorCode.InvalidParams,
        'requestState names a call held by another server process, or by this one before its component worker was restarted: a call waiting between rounds stays in the process that asked, so send its retries there, or send the request again without requestState',
      );
    }
    const call = this.#held.get(state.call) as HeldCall<R> | undefined;
    if (!call) {
      throw new ProtocolError(
        ProtocolErrorCode.InvalidParams,
        'requestState names no call waiting here (it finished, timed out, or the component was restarted): send the request again without it',
      );
    }
    this.#stopWaiting(call.id);
    // This round's progress token and notifications.
    call.context.notify = request.context.notify;
    if (request.context.progressToken === undefined) delete call.context.progressToken;
    else call.context.progressToken = request.context.progressToken;
    return call;
  }

  /**
   * Runs the call to its next stop: its result, or a question for the client.
   * A question the client cannot answer (it did not declare the capability)
   * is refused to the component, which may go on without the answer.
   */
  async #advance<R>(call: HeldCall<R>, request: RoundRequest): Promise<R | InputRequiredResult> {
    for (;;) {
      const step = await call.next();
      if (step.kind === 'asked') {
        const capability = CAPABILITY[step.question.method];
        if (request.clientCapabilities?.[capability] !== undefined) return this.#ask(call, step.question, request);
        call.missingCapability = capability;
        call.answer(step.question, (q) =>
          q.fail(new McpErrorResource('unavailable', `the client did not declare the ${capability} capability`, undefined)),
        );
        continue;
      }
      this.#held.delete(call.id);
      if (step.kind === 'failed') throw missingCapabilityError(call, step.error) ?? step.error;
      const round = call.context.inputRequired;
      if (round) return this.#componentRound(round, request);
      return step.value;
    }
  }

  /** The stateless form: the component named its questions and state; nothing is held. */
  async #componentRound(round: NonNullable<CallContext['inputRequired']>, request: RoundRequest): Promise<InputRequiredResult> {
    const requestState = await this.#codec.mint({
      request: requestKeyOf(request),
      ...(round.state === undefined ? {} : { component: toBase64(round.state) }),
    });
    return inputRequired({ inputRequests: round.requests as InputRequests, requestState });
  }

  async #ask<R>(call: HeldCall<R>, question: Question, request: RoundRequest): Promise<InputRequiredResult> {
    const requestState = await this.#codec.mint({ instance: this.#instance, call: call.id, question: question.key, request: requestKeyOf(request) });
    this.#wait(call, question);
    return inputRequired({ inputRequests: { [question.key]: embedded(question) }, requestState });
  }

  /** A client that never retries must not keep the component busy: its call's question fails, the call is dropped. */
  #wait(call: HeldCall<unknown>, question: Question): void {
    this.#stopWaiting(call.id);
    this.#waiting.set(
      call.id,
      setTimeout(() => {
        this.#stopWaiting(call.id);
        this.#held.delete(call.id);
        call.answer(question, (q) =>
          q.fail(new McpErrorResource('timeout', `the client did not answer ${q.method} within ${QUESTION_TIMEOUT_MS} ms`, undefined)),
        );
      }, QUESTION_TIMEOUT_MS),
    );
    this.#onHeld?.(this.#waiting.size);
  }

  #stopWaiting(id: string): void {
    const timer = this.#waiting.get(id);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.#waiting.delete(id);
    this.#onHeld?.(this.#waiting.size);
  }
}

/** Resolves with undefined once the current turn of the event loop is over: a call still running then is waiting on something. */
function nextTurn(): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), 0));
}

function isResponseMap(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'object' && v !== null)
  );
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function requestKeyOf(request: RoundRequest): string {
  return `${request.method}\0${request.target}`;
}

export function embedded(question: Question): InputRequest {
  return { method: question.method, params: question.params } as InputRequest;
}

/** The bare result a component receives for its question. */
export function answerOf(response: ReturnType<typeof inputResponse>): unknown {
  switch (response.kind) {
    case 'elicit':
      return response.content === undefined ? { action: response.action } : { action: response.action, content: response.content };
    case 'sampling':
      return response.result;
    case 'roots':
      return { roots: response.roots };
    case 'missing':
      return undefined;
  }
}

/**
 * A component that was refused a question for a missing capability and then
 * gave up with `unavailable` failed because of the client: MCP's answer for
 * that is -32021 naming the capability.
 */
function missingCapabilityError(call: HeldCall<unknown>, error: unknown): ProtocolError | undefined {
  if (call.missingCapability === undefined) return undefined;
  if (!(error instanceof GuestError) || error.error.code() !== 'unavailable') return undefined;
  return new ProtocolError(
    ProtocolErrorCode.MissingRequiredClientCapability,
    `this request needs the client's ${call.missingCapability} capability, which it did not declare`,
    { requiredCapabilities: { [call.missingCapability]: {} } },
  );
}
