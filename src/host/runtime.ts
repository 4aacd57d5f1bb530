/**
 * The host side of `wasi:mcp/runtime` and of the `error` resource from
 * `wasi:mcp/types`. Registration goes into a Registry; log, progress and
 * notifications become MCP notifications, within a budget
 * (notification-budget.ts), routed to the request being handled when there is
 * one (so a client can relate them to it), else to the sink.
 */
import type { ServerNotification } from '@modelcontextprotocol/server';
import { jsonBytes, parseJsonBytes } from './bytes.js';
import { describeError } from './errors.js';
import { NotificationBudget } from './notification-budget.js';
import { Registry, RegistrationError } from './registry.js';
import type {
  WitErrorCode,
  WitLogLevel,
  WitNotification,
  WitPromptDefinition,
  WitResourceDefinition,
  WitResourceTemplate,
  WitServerInfo,
  WitCacheScope,
  WitCacheTarget,
  WitIconTarget,
  WitTaskSupport,
  WitToolDefinition,
} from './wit.js';

/**
 * The `error` resource. A guest creates one with its constructor and returns
 * it from a handler; the host throws one from a runtime import to return err.
 * It must not extend Error: jco treats a thrown Error from an import as a trap.
 */
export class McpErrorResource {
  readonly #code: WitErrorCode;
  readonly #message: string;
  readonly #data: Uint8Array | undefined;

  constructor(code: WitErrorCode, message: string, data: Uint8Array | undefined) {
    this.#code = code;
    this.#message = message;
    this.#data = data;
  }
  code(): WitErrorCode {
    return this.#code;
  }
  message(): string {
    return this.#message;
  }
  toDebugString(): string {
    return `${this.#code}: ${this.#message}`;
  }
  data(): Uint8Array | undefined {
    return this.#data;
  }
}

export type ClientRequestMethod = 'sampling/createMessage' | 'elicitation/create' | 'roots/list';

/** What the host knows about the request a handler is running for. */
export interface CallContext {
  progressToken?: string | number;
  notify(notification: ServerNotification): void;
  /** Sends a request to the client on behalf of the handler and resolves with its result. */
  request?(method: ClientRequestMethod, params: unknown): Promise<unknown>;
  /** The capabilities the client declared for this request (JSON for client-capabilities). */
  clientCapabilities?: unknown;
  /** A retry's answers and the handler's verified state from the round before (input-responses, request-state). */
  inputResponses?: unknown;
  requestState?: Uint8Array;
  /** Told when the call leaves the queue and the component starts it. */
  onRun?: () => void;
  /** Whether the client cancelled the request or its task (call-cancelled). */
  cancelled?: () => boolean;
  /** Set by input-required: the round the request ends with instead of the handler's result. */
  inputRequired?: { requests: Record<string, unknown>; state: Uint8Array | undefined };
}

/** The WIT error code for a JSON-RPC error code the client answered with. */
function witCodeOf(code: unknown): WitErrorCode {
  switch (code) {
    case -32700:
      return 'parse-error';
    case -32600:
      return 'invalid-request';
    case -32601:
      return 'method-not-found';
    case -32602:
      return 'invalid-params';
    case -32001:
      return 'request-timeout';
    default:
      return 'internal-error';
  }
}

export type NotificationSink = (notification: ServerNotification) => void;

const CHANGE_NOTIFICATIONS = new Set([
  'notifications/tools/list_changed',
  'notifications/prompts/list_changed',
  'notifications/resources/list_changed',
  'notifications/resources/updated',
]);

/** The `logger` of the host's own log lines. */
export const HOST_LOGGER = 'wasi-mcp host';

export class Runtime {
  readonly registry = new Registry();
  /** Why the last refused registration was refused: named when `run` then fails. */
  lastRefusal: string | undefined;
  /** Why each refused registration was refused, in order (the component may go on without them). */
  readonly refusals: string[] = [];
  #current: CallContext | undefined;
  readonly #sink: NotificationSink;
  readonly #suspendable: boolean;
  readonly #notifications: NotificationBudget;

  /**
   * `suspendable`: the component was transpiled so that its handlers can wait
   * for a promise (JSPI); only then can it ask the client something.
   */
  constructor(sink: NotificationSink, suspendable = false, notifications = new NotificationBudget()) {
    this.#sink = sink;
    this.#suspendable = suspendable;
    this.#notifications = notifications;
  }

  /**
   * Runs `fn` (a call into the component, which may suspend) with `context`
   * as the current request, named `during` in the report of dropped
   * notifications. Calls must not overlap: ComponentHost queues them.
   */
  async within<T>(context: CallContext, fn: () => T | Promise<T>, during = 'a handler'): Promise<T> {
    this.#current = context;
    try {
      context.onRun?.();
      return await fn();
    } finally {
      this.#reportDropped(during);
      this.#current = undefined;
    }
  }

  /** Ends the component's run: what it sent then had a budget of its own. */
  endRun(): void {
    this.#reportDropped('run');
  }

  /** One log line, from the host itself, saying how many notifications were dropped. */
  #reportDropped(during: string): void {
    const report = this.#notifications.endCall(during);
    if (report === undefined) return;
    this.#send({ method: 'notifications/message', params: { level: 'warning', logger: HOST_LOGGER, data: report } });
  }

  /** request-sampling and request-elicitation: JSON to the client and back, while a handler waits. */
  async #askClient(method: ClientRequestMethod, params: Uint8Array): Promise<Uint8Array> {
    const context = this.#current;
    if (!context?.request) {
      throw new McpErrorResource('invalid-request', `${method} can only be sent while a handler runs`, undefined);
    }
    let parsed: unknown;
    try {
      parsed = parseJsonBytes(params, `${method} params`);
    } catch (e) {
      throw new McpErrorResource('invalid-params', (e as Error).message, undefined);
    }
    try {
      return jsonBytes(await context.request(method, parsed));
    } catch (e) {
      if (e instanceof McpErrorResource) throw e;
      const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
      // The SDK's McpError puts "MCP error <code>: " before the client's message; the host adds it again.
      const message = describeError(e).replace(/^MCP error -?\d+: /, '');
      throw new McpErrorResource(witCodeOf(code), message, undefined);
    }
  }

  #clientRequest(method: ClientRequestMethod): (params?: Uint8Array) => Uint8Array | Promise<Uint8Array> {
    if (this.#suspendable) return (params) => this.#askClient(method, params ?? jsonBytes({}));
    return () => {
      throw new McpErrorResource(
        'unavailable',
        `${method} needs a host that can suspend a component while it waits (WebAssembly JSPI: Chromium 137+, Node 24+)`,
        undefined,
      );
    };
  }

  /**
   * Log and progress belong to the request being handled; a change (a list,
   * a resource) concerns every client, whatever request announced it: in
   * 2026-07-28 it reaches them only on their subscriptions/listen streams.
   */
  #send(notification: ServerNotification): void {
    const change = CHANGE_NOTIFICATIONS.has(notification.method);
    ((change ? undefined : this.#current?.notify) ?? this.#sink)(notification);
  }

  /** Makes and sends a notification if the budget lets one more through; drops it otherwise. */
  #emit(make: () => ServerNotification): void {
    if (this.#notifications.admit()) this.#send(make());
  }

  #logNotification(level: WitLogLevel, message: string, data: Uint8Array | undefined): ServerNotification {
    const payload = data === undefined ? message : { message, data: parseJsonBytes(data, 'log data') };
    const logger = this.registry.server?.name;
    return {
      method: 'notifications/message',
      params: logger === undefined ? { level, data: payload } : { level, logger, data: payload },
    };
  }

  #progressNotification(token: string, progress: bigint, total: bigint | undefined): ServerNotification {
    // A numeric token was handed to the component in decimal: give the client its own value back.
    const current = this.#current?.progressToken;
    const progressToken = current !== undefined && String(current) === token ? current : token;
    const params: { progressToken: string | number; progress: number; total?: number } = {
      progressToken,
      progress: Number(progress),
    };
    if (total !== undefined) params.total = Number(total);
    return { method: 'notifications/progress', params };
  }

  #fromWitNotification(n: WitNotification): ServerNotification[] {
    switch (n.tag) {
      case 'resources-list-changed':
        return [{ method: 'notifications/resources/list_changed' }];
      case 'tools-list-changed':
        return [{ method: 'notifications/tools/list_changed' }];
      case 'prompts-list-changed':
        return [{ method: 'notifications/prompts/list_changed' }];
      case 'resources-updated':
        return n.val.map((uri) => ({ method: 'notifications/resources/updated', params: { uri } }));
      case 'progress':
        return [this.#progressNotification(n.val.progressToken, n.val.progress, n.val.total)];
      case 'message':
        return [this.#logNotification(n.val.level, n.val.message, n.val.data)];
      case 'cancelled':
        throw new McpErrorResource(
          'invalid-params',
          'cancelled is for requests a server sent to the client; this host lets components send none',
          undefined,
        );
    }
  }

  /** The import object entries for wasi:mcp (unversioned keys, as jco asks for them). */
  imports(): Record<string, unknown> {
    return {
      'wasi:mcp/types': { Error: McpErrorResource },
      'wasi:mcp/runtime': {
        registerServer: (info: WitServerInfo) => this.#register(() => this.registry.setServer(info)),
        registerTools: (tools: WitToolDefinition[]) => this.#register(() => this.registry.addTools(tools)),
        registerResources: (resources: WitResourceDefinition[]) =>
          this.#register(() => this.registry.addResources(resources)),
        registerResourceTemplates: (templates: WitResourceTemplate[]) =>
          this.#register(() => this.registry.addTemplates(templates)),
        registerPrompts: (prompts: WitPromptDefinition[]) => this.#register(() => this.registry.addPrompts(prompts)),
        serve: () => {
          if (!this.registry.server) {
            throw new McpErrorResource('invalid-request', 'serve called before register-server', undefined);
          }
          // Returns at once: the host drives the handlers after run returns (wit/README.md #7).
          this.registry.served = true;
        },
        sendNotification: (n: WitNotification) =>
          this.#guard(() => this.#fromWitNotification(n).forEach((x) => this.#emit(() => x))),
        log: (level: WitLogLevel, message: string, data: Uint8Array | undefined) =>
          this.#guard(() => this.#emit(() => this.#logNotification(level, message, data))),
        reportProgress: (token: string, progress: bigint, total: bigint | undefined) =>
          this.#guard(() => this.#emit(() => this.#progressNotification(token, progress, total))),
        currentProgressToken: () => {
          const token = this.#current?.progressToken;
          return token === undefined ? undefined : String(token);
        },
        requestSampling: this.#clientRequest('sampling/createMessage'),
        requestElicitation: this.#clientRequest('elicitation/create'),
        requestRoots: this.#clientRequest('roots/list'),
        clientCapabilities: () => jsonBytes(this.#current?.clientCapabilities ?? {}),
        inputRequired: (requests: Uint8Array, state: Uint8Array | undefined) => this.#guard(() => this.#inputRequired(requests, state)),
        inputResponses: () => {
          const responses = this.#current?.inputResponses;
          return responses === undefined ? undefined : jsonBytes(responses);
        },
        requestState: () => this.#current?.requestState,
        declareTaskSupport: (tool: string, support: WitTaskSupport) => this.#register(() => this.registry.setTaskSupport(tool, support)),
        declareToolMeta: (tool: string, meta: Uint8Array) => this.#register(() => this.registry.setToolMeta(tool, meta)),
        declareResourceMeta: (uri: string, meta: Uint8Array) => this.#register(() => this.registry.setResourceMeta(uri, meta)),
        declareCacheHint: (target: WitCacheTarget, ttlMs: bigint, scope: WitCacheScope) =>
          this.#register(() => this.registry.setCacheHint(target, ttlMs, scope)),
        declareIcons: (target: WitIconTarget, name: string, icons: Uint8Array) =>
          this.#register(() => this.registry.setIcons(target, name, icons)),
        callCancelled: () => this.#current?.cancelled?.() ?? false,
      },
    };
  }

  /** input-required: checks the requests' shape; the host turns them into the round after the handler returns. */
  #inputRequired(requests: Uint8Array, state: Uint8Array | undefined): void {
    const context = this.#current;
    if (!context?.request) {
      throw new McpErrorResource('invalid-request', 'input-required is for handlers that can ask the client (tools, prompts, resource reads)', undefined);
    }
    const parsed = parseJsonBytes(requests, 'input-required requests');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.keys(parsed).length === 0) {
      throw new McpErrorResource('invalid-params', 'input-required wants a non-empty JSON object of {"<key>": {"method", "params"}}', undefined);
    }
    for (const [key, entry] of Object.entries(parsed)) {
      const method = (entry as { method?: unknown } | null)?.method;
      if (method !== 'elicitation/create' && method !== 'sampling/createMessage' && method !== 'roots/list') {
        throw new McpErrorResource('invalid-params', `input-required request ${key}: method must be elicitation/create, sampling/createMessage or roots/list`, undefined);
      }
    }
    context.inputRequired = { requests: parsed as Record<string, unknown>, state: state?.slice() };
  }

  #register(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (e instanceof RegistrationError) {
        this.lastRefusal = e.message;
        this.refusals.push(e.message);
        throw new McpErrorResource('invalid-params', e.message, undefined);
      }
      throw e;
    }
  }

  /** Turns a host-side failure inside an import into err(error) instead of a trap. */
  #guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (e instanceof McpErrorResource) throw e;
      throw new McpErrorResource('internal-error', describeError(e), undefined);
    }
  }
}
