/**
 * The host side of `wasi:mcp/runtime` and of the `error` resource from
 * `wasi:mcp/types`. Registration goes into a Registry; log, progress and
 * notifications become MCP notifications, routed to the request being handled
 * when there is one (so a client can relate them to it), else to the sink.
 */
import type { ServerNotification } from '@modelcontextprotocol/sdk/types.js';
import { parseJsonBytes } from './bytes.js';
import { Registry, RegistrationError } from './registry.js';
import type {
  WitErrorCode,
  WitLogLevel,
  WitNotification,
  WitPromptDefinition,
  WitResourceDefinition,
  WitResourceTemplate,
  WitServerInfo,
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

/** What the host knows about the request a handler is running for. */
export interface CallContext {
  progressToken?: string | number;
  notify(notification: ServerNotification): void;
}

export type NotificationSink = (notification: ServerNotification) => void;

export class Runtime {
  readonly registry = new Registry();
  #current: CallContext | undefined;
  readonly #sink: NotificationSink;

  constructor(sink: NotificationSink) {
    this.#sink = sink;
  }

  /** Runs `fn` (a synchronous call into the component) with `context` as the current request. */
  within<T>(context: CallContext, fn: () => T): T {
    this.#current = context;
    try {
      return fn();
    } finally {
      this.#current = undefined;
    }
  }

  #emit(notification: ServerNotification): void {
    (this.#current?.notify ?? this.#sink)(notification);
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
          this.#guard(() => this.#fromWitNotification(n).forEach((x) => this.#emit(x))),
        log: (level: WitLogLevel, message: string, data: Uint8Array | undefined) =>
          this.#guard(() => this.#emit(this.#logNotification(level, message, data))),
        reportProgress: (token: string, progress: bigint, total: bigint | undefined) =>
          this.#guard(() => this.#emit(this.#progressNotification(token, progress, total))),
        currentProgressToken: () => {
          const token = this.#current?.progressToken;
          return token === undefined ? undefined : String(token);
        },
      },
    };
  }

  #register(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (e instanceof RegistrationError) throw new McpErrorResource('invalid-params', e.message, undefined);
      throw e;
    }
  }

  /** Turns a host-side failure inside an import into err(error) instead of a trap. */
  #guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (e instanceof McpErrorResource) throw e;
      throw new McpErrorResource('internal-error', e instanceof Error ? e.message : String(e), undefined);
    }
  }
}
