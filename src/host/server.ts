/**
 * The MCP side of a component: SDK `Server` instances answering from the
 * registry and the component's handlers, for both protocol eras. The SDK's
 * serving entries decide the era and call the factory for an instance:
 * `serveStdio` once per connection (a MessagePort or stdio pipe, either
 * era), `createMcpHandler` once per HTTP request (2026-07-28). Capabilities
 * are advertised from what the component registered and declared.
 */
import {
  CLIENT_CAPABILITIES_META_KEY,
  LOG_LEVEL_META_KEY,
  ProtocolErrorCode,
  Server,
  type CallToolResult,
  type ClientCapabilities,
  type LoggingLevel,
  type McpRequestContext,
  type ServerCapabilities,
  type ServerContext,
  type ServerNotification,
  type ServerRequest,
} from '@modelcontextprotocol/server';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/server/validators/cf-worker';
import { GetTaskRequestV2Schema, hasTaskClientCapabilityV2, TASKS_EXTENSION_ID_V2 } from '@modelcontextprotocol/ext-tasks/core/v2';
import * as z from 'zod/v4';
import { jsonBytes } from './bytes.js';
import type { ComponentHost } from './component.js';
import {
  toMcpPrompt,
  toMcpPromptResult,
  toMcpResource,
  toMcpResourceContents,
  toMcpResourceTemplate,
  toMcpTool,
  toMcpToolResult,
} from './content.js';
import { RpcError, toMcpError, toReadError } from './errors-mcp.js';
import { logAllowed, toLevel } from './log-level.js';
import type { Registry } from './registry.js';
import { QUESTION_TIMEOUT_MS } from './question-timeout.js';
import { withIcons } from './icons.js';
import { page } from './pages.js';
import { CAPABILITY, Rounds } from './rounds.js';
import { McpErrorResource, type CallContext, type ClientRequestMethod } from './runtime.js';
import { Tasks } from './tasks.js';
import { Validators } from './validators.js';

/** MCP caps completion answers at 100 values. */
const MAX_COMPLETIONS = 100;

/** The task methods name a task; tasks/update's answers reach the handler apart, as `ctx.mcpReq.inputResponses`. */
const TaskParams = GetTaskRequestV2Schema.shape.params;
const Complete = z.object({ resultType: z.literal('complete') });
const COMPLETE = { resultType: 'complete' } as const;

/**
 * The server's capabilities for what the component registered; a component
 * with task-capable tools offers the tasks extension to 2026-07-28 clients.
 */
export function capabilitiesOf(registry: Registry, era: 'legacy' | 'modern' = 'legacy'): ServerCapabilities {
  const declared = registry.server?.capabilities ?? {};
  const caps: ServerCapabilities = { logging: {} };
  if (declared.tools || registry.tools.size > 0) caps.tools = { listChanged: declared.tools?.listChanged ?? false };
  if (declared.resources || registry.resources.size > 0 || registry.templates.size > 0) {
    caps.resources = {
      subscribe: declared.resources?.subscribe ?? false,
      listChanged: declared.resources?.listChanged ?? false,
    };
  }
  if (declared.prompts || registry.prompts.size > 0) caps.prompts = { listChanged: declared.prompts?.listChanged ?? false };
  if (declared.completions?.enabled) caps.completions = {};
  if (era === 'modern' && registry.hasTaskTools) caps.extensions = { [TASKS_EXTENSION_ID_V2]: {} };
  return caps;
}

export interface ServerFactoryOptions {
  /**
   * Whether each instance serves a long-lived connection and so receives the
   * notifications the component sends outside any request (list changes,
   * resource updates). Per-request instances (HTTP) leave that to the
   * handler's own change bus.
   */
  connection: boolean;
  /** Hears how many component calls are held between input_required rounds, when that changes. */
  onHeld?: (calls: number) => void;
  /** Signs input_required rounds' `requestState` (rounds.ts); a random key when absent. */
  stateKey?: Uint8Array;
}

export type ServerFactory = (ctx: McpRequestContext) => Promise<Server>;

/** One page of a list method's answer, under the list's own key (pages.ts). */
function listPage<K extends string, I, W>(key: K, items: readonly I[], cursor: string | undefined, toWire: (item: I) => W) {
  const { items: pageItems, nextCursor } = page(items, cursor, toWire);
  return { [key]: pageItems, ...(nextCursor === undefined ? {} : { nextCursor }) } as { [k in K]: W[] } & { nextCursor?: string };
}

/** Instances share the component, its argument validators, its held calls and its tasks. */
export function createServerFactory(host: ComponentHost, options: ServerFactoryOptions): ServerFactory {
  const validators = new Validators();
  // Calls held between rounds and task calls waiting for an answer both keep the component busy.
  const held = { rounds: 0, tasks: 0 };
  const report = () => options.onHeld?.(held.rounds + held.tasks);
  const rounds = new Rounds({
    onHeld: (calls) => {
      held.rounds = calls;
      report();
    },
    ...(options.stateKey === undefined ? {} : { stateKey: options.stateKey }),
  });
  const tasks = new Tasks((calls) => {
    held.tasks = calls;
    report();
  });
  host.onRestart(() => tasks.restarted());
  return (ctx) => createServer(host, { era: ctx.era, connection: options.connection, validators, rounds, tasks });
}

interface Shared {
  era: 'legacy' | 'modern';
  connection: boolean;
  validators: Validators;
  rounds: Rounds;
  tasks: Tasks;
}

async function createServer(host: ComponentHost, shared: Shared): Promise<Server> {
  const registry = await host.registry();
  const info = registry.server!;
  const { era, rounds, tasks } = shared;
  const capabilities = capabilitiesOf(registry, era);
  const server = new Server(
    withIcons({ name: info.name, version: info.version }, registry.iconsOf('server')),
    {
      capabilities,
      ...(info.instructions === undefined ? {} : { instructions: info.instructions }),
      jsonSchemaValidator: new CfWorkerJsonSchemaValidator(),
      requestState: { verify: rounds.verify },
      // Filled in on 2026-07-28 results only; a 2025 result never carries them.
      cacheHints: Object.fromEntries(registry.cacheHints),
    },
  );
  /** 2025 sessions: the level set by logging/setLevel, and the URIs subscribed to. */
  let sessionLevel: LoggingLevel | undefined;
  const subscriptions = new Set<string>();

  /** The log level a request asked for: its envelope's (2026-07-28; none means no logs) or the session's. */
  const levelOf = (ctx: ServerContext | undefined): LoggingLevel | 'off' | undefined => {
    if (era === 'legacy') return sessionLevel;
    if (!ctx) return 'off';
    return toLevel(envelopeOf(ctx)[LOG_LEVEL_META_KEY]) ?? 'off';
  };
  const wanted = (n: ServerNotification, ctx: ServerContext | undefined): boolean => {
    if (n.method === 'notifications/message') return logAllowed(n.params.level, levelOf(ctx));
    // A 2026-07-28 client hears of changes only on its subscriptions/listen stream (serveStdio routes them).
    if (n.method === 'notifications/resources/updated') return era === 'modern' || subscriptions.has(n.params.uri);
    if (n.method === 'notifications/progress') return ctx !== undefined;
    return true;
  };
  if (shared.connection) {
    const unsubscribe = host.onNotification((n) => {
      if (wanted(n, undefined)) server.notification(n).catch(() => {});
    });
    server.onclose = () => unsubscribe();
  }

  const clientCapabilitiesOf = (ctx: ServerContext): ClientCapabilities | undefined =>
    era === 'modern'
      ? (envelopeOf(ctx)[CLIENT_CAPABILITIES_META_KEY] as ClientCapabilities | undefined)
      : server.getClientCapabilities();

  const context = (ctx: ServerContext): CallContext => {
    const progressToken = ctx.mcpReq._meta?.progressToken;
    return {
      ...(progressToken === undefined ? {} : { progressToken }),
      cancelled: () => ctx.mcpReq.signal.aborted,
      // Related to the request being handled, so it travels on that request's stream (Streamable HTTP).
      notify: (n) => {
        if (wanted(n, ctx)) ctx.mcpReq.notify(n).catch(() => {});
      },
    };
  };
  /**
   * Runs a handler that may ask the client something, in rounds
   * (rounds.ts). A component's suspending question goes to a 2025 session
   * as a request on that session, as that era has it; under 2026-07-28 it
   * becomes an `input_required` round. The stateless form (input-required)
   * is a round in both eras: the SDK asks a 2025 client the questions and
   * runs the handler again with the answers.
   */
  const answer = <R>(ctx: ServerContext, method: string, target: string, run: (call: CallContext) => Promise<R>) => {
    const own = context(ctx);
    const call = era === 'legacy' ? { ...own, request: (q: ClientRequestMethod, params: unknown) => ask(ctx, q, params) } : own;
    return rounds.serve(ctx, { method, target, clientCapabilities: clientCapabilitiesOf(ctx), context: call }, run);
  };
  const ask = (ctx: ServerContext, method: ClientRequestMethod, params: unknown): Promise<unknown> => {
    // Only to a client that declared the capability (wit: request-sampling's `unavailable`).
    const capability = CAPABILITY[method];
    if (!server.getClientCapabilities()?.[capability]) {
      throw new McpErrorResource('unavailable', `the client did not declare the ${capability} capability`, undefined);
    }
    // When the client cancels the call, its question is withdrawn too (notifications/cancelled).
    // A person answers it, so it waits far longer than the SDK's 60 s default.
    return ctx.mcpReq.send({ method, params } as ServerRequest, { signal: ctx.mcpReq.signal, timeout: QUESTION_TIMEOUT_MS });
  };

  /** Runs a handler; every failure leaves as a JSON-RPC error with a meaningful code. */
  const guarded =
    <P, R>(fn: (params: P, ctx: ServerContext, registry: Registry) => Promise<R>) =>
    async (request: { params?: P }, ctx: ServerContext): Promise<R> => {
      try {
        return await fn(request.params as P, ctx, await host.registry());
      } catch (e) {
        throw toMcpError(e);
      }
    };

  server.setRequestHandler('logging/setLevel', async (request) => {
    sessionLevel = request.params.level;
    return {};
  });

  if (capabilities.tools) {
    server.setRequestHandler(
      'tools/list',
      guarded(async (p: { cursor?: string } | undefined, _c, reg) =>
        listPage('tools', [...reg.tools.values()], p?.cursor, (t) => withIcons(toMcpTool(t), reg.iconsOf('tool', t.definition.name))),
      ),
    );
    server.setRequestHandler(
      'tools/call',
      guarded(async (params, ctx, reg) => {
        const tool = reg.tools.get(params.name);
        if (!tool) throw new RpcError(ProtocolErrorCode.InvalidParams, `Unknown tool: ${params.name}`);
        const args = params.arguments ?? {};
        const check = shared.validators.for(tool.inputSchema)(args);
        if (!check.valid) {
          throw new RpcError(ProtocolErrorCode.InvalidParams, `Invalid arguments for tool ${params.name}: ${check.errorMessage}`);
        }
        const run = async (call: CallContext) =>
          toMcpToolResult(await host.call(call, 'callTool', (h) => h.callTool(params.name, jsonBytes(args))));
        if (tool.taskSupport === 'forbidden') return answer(ctx, 'tools/call', params.name, run);
        // Tasks are offered on the 2026-07-28 wire only, to a client that declared the extension.
        const clientCapabilities = clientCapabilitiesOf(ctx);
        if (era !== 'modern' || !hasTaskClientCapabilityV2({ _meta: envelopeOf(ctx) })) {
          if (tool.taskSupport === 'required') throw missingTasksExtension(`tool ${params.name} runs only as a task`);
          return answer(ctx, 'tools/call', params.name, run);
        }
        const request = { method: 'tools/call', target: params.name, clientCapabilities, context: context(ctx) };
        // A task is a result of its own kind on the 2026-07-28 wire; the SDK's CallToolResult type does not name it.
        return rounds.serve(ctx, request, run, {
          required: tool.taskSupport === 'required',
          adopt: (call, start) => tasks.adopt(call, start, clientCapabilities) as unknown as CallToolResult,
        });
      }),
    );
  }

  if (era === 'modern' && capabilities.extensions?.[TASKS_EXTENSION_ID_V2]) {
    /** The task methods answer only a request that declares the extension. */
    const tasksRequest =
      <P, R>(fn: (params: P, ctx: ServerContext) => R) =>
      async (params: P, ctx: ServerContext): Promise<R> => {
        if (!hasTaskClientCapabilityV2({ _meta: envelopeOf(ctx) })) throw missingTasksExtension('the task methods');
        try {
          return fn(params, ctx);
        } catch (e) {
          throw toMcpError(e);
        }
      };
    server.setRequestHandler(
      'tasks/get',
      { params: TaskParams, result: z.looseObject({}) },
      tasksRequest((params) => ({ ...COMPLETE, ...tasks.get(params.taskId) })),
    );
    server.setRequestHandler(
      'tasks/update',
      { params: TaskParams, result: Complete },
      tasksRequest((params, ctx) => {
        const responses: unknown = ctx.mcpReq.inputResponses;
        if (typeof responses !== 'object' || responses === null || Array.isArray(responses)) {
          throw new RpcError(ProtocolErrorCode.InvalidParams, 'tasks/update needs inputResponses: an object of answers by key');
        }
        tasks.update(params.taskId, responses as Record<string, unknown>);
        return COMPLETE;
      }),
    );
    server.setRequestHandler(
      'tasks/cancel',
      { params: TaskParams, result: Complete },
      tasksRequest((params) => {
        tasks.cancel(params.taskId);
        return COMPLETE;
      }),
    );
  }

  if (capabilities.resources) {
    server.setRequestHandler(
      'resources/list',
      guarded(async (p: { cursor?: string } | undefined, _c, reg) =>
        listPage('resources', [...reg.resources.values()], p?.cursor, (r) =>
          withIcons(toMcpResource(r, reg.resourceMeta.get(r.uri)), reg.iconsOf('resource', r.uri)),
        ),
      ),
    );
    server.setRequestHandler(
      'resources/templates/list',
      guarded(async (p: { cursor?: string } | undefined, _c, reg) =>
        listPage('resourceTemplates', [...reg.templates.values()], p?.cursor, (t) =>
          withIcons(toMcpResourceTemplate(t), reg.iconsOf('resource-template', t.uriTemplate)),
        ),
      ),
    );
    server.setRequestHandler(
      'resources/read',
      guarded(async (params, ctx, reg) =>
        answer(ctx, 'resources/read', params.uri, async (call) => {
          try {
            const result = await host.call(call, 'readResource', (h) => h.readResource(params.uri));
            const read = toMcpResourceContents(params.uri, reg.resources.get(params.uri)?.mimeType, result.contents, reg.resourceMeta.get(params.uri));
            // The resource's own hint (2026-07-28 only): the SDK fills the default on a read without one.
            const hint = era === 'modern' ? reg.resourceCacheHints.get(params.uri) : undefined;
            return hint === undefined ? read : { ...read, ...hint };
          } catch (e) {
            throw toReadError(e, params.uri);
          }
        }),
      ),
    );
    if (capabilities.resources.subscribe) {
      server.setRequestHandler(
        'resources/subscribe',
        guarded(async (params, ctx) => {
          await host.call(context(ctx), 'handleSubscribe', (h) => h.handleSubscribe(params.uri));
          subscriptions.add(params.uri);
          return {};
        }),
      );
      server.setRequestHandler(
        'resources/unsubscribe',
        guarded(async (params, ctx) => {
          await host.call(context(ctx), 'handleUnsubscribe', (h) => h.handleUnsubscribe(params.uri));
          subscriptions.delete(params.uri);
          return {};
        }),
      );
    }
  }

  if (capabilities.prompts) {
    server.setRequestHandler(
      'prompts/list',
      guarded(async (p: { cursor?: string } | undefined, _c, reg) =>
        listPage('prompts', [...reg.prompts.values()], p?.cursor, (pr) => withIcons(toMcpPrompt(pr), reg.iconsOf('prompt', pr.name))),
      ),
    );
    server.setRequestHandler(
      'prompts/get',
      guarded(async (params, ctx, reg) => {
        const prompt = reg.prompts.get(params.name);
        if (!prompt) throw new RpcError(ProtocolErrorCode.InvalidParams, `Unknown prompt: ${params.name}`);
        const missing = (prompt.arguments ?? []).filter((a) => a.required && params.arguments?.[a.name] === undefined);
        if (missing.length > 0) {
          throw new RpcError(
            ProtocolErrorCode.InvalidParams,
            `Missing required argument${missing.length > 1 ? 's' : ''} for prompt ${params.name}: ${missing
              .map((a) => a.name)
              .join(', ')}`,
          );
        }
        const args = params.arguments === undefined ? undefined : jsonBytes(params.arguments);
        return answer(ctx, 'prompts/get', params.name, async (call) => {
          const result = await host.call(call, 'getPrompt', (h) => h.getPrompt(params.name, args));
          return toMcpPromptResult(prompt.description, result.messages);
        });
      }),
    );
  }

  if (capabilities.completions) {
    server.setRequestHandler(
      'completion/complete',
      guarded(async (params, ctx) => {
        const ref = params.ref;
        const [refType, refValue] = ref.type === 'ref/prompt' ? (['prompt-name', ref.name] as const) : (['resource-uri', ref.uri] as const);
        const args = params.context?.arguments === undefined ? undefined : jsonBytes(params.context.arguments);
        const completions = await host.call(context(ctx), 'handleComplete', (h) =>
          h.handleComplete(refType, refValue, params.argument.name, params.argument.value, args),
        );
        const values = completions.map((c) => c.value);
        return {
          completion: {
            values: values.slice(0, MAX_COMPLETIONS),
            total: values.length,
            hasMore: values.length > MAX_COMPLETIONS,
          },
        };
      }),
    );
  }

  return server;
}

/** -32021 naming the tasks extension, which the client did not declare. */
function missingTasksExtension(what: string): RpcError {
  return new RpcError(
    ProtocolErrorCode.MissingRequiredClientCapability,
    `${what}: the client must declare the ${TASKS_EXTENSION_ID_V2} extension`,
    { requiredCapabilities: { extensions: { [TASKS_EXTENSION_ID_V2]: {} } } },
  );
}

/** The request's 2026-07-28 `_meta` envelope (empty for 2025-era requests). */
function envelopeOf(ctx: ServerContext): Record<string, unknown> {
  return (ctx.mcpReq.envelope ?? {}) as Record<string, unknown>;
}
