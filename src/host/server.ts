/**
 * The MCP side of a component: an SDK `Server` (one per client session)
 * answering from the registry and the component's handlers. Capabilities are
 * advertised from what the component registered and declared.
 */
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/server/validators/cf-worker';
import { CreateMessageResultSchema, ElicitResultSchema, LoggingLevelSchema } from '@modelcontextprotocol/core';
import { Server, ProtocolErrorCode } from '@modelcontextprotocol/server';
import type { LoggingLevel, ServerCapabilities, ServerNotification, ServerRequest, JsonSchemaValidator, ServerContext } from '@modelcontextprotocol/server';
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
import { RpcError, toMcpError } from './errors-mcp.js';
import type { Registry } from './registry.js';
import { McpErrorResource, type CallContext } from './runtime.js';

/** How long a component's question (sampling, elicitation) waits for the client before it is withdrawn. */
const CLIENT_QUESTION_TIMEOUT_MS = 10 * 60_000;

type Extra = ServerContext;

/** MCP caps completion answers at 100 values. */
const MAX_COMPLETIONS = 100;

export function capabilitiesOf(registry: Registry): ServerCapabilities {
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
  return caps;
}

export async function createMcpServer(host: ComponentHost): Promise<Server> {
  const registry = await host.registry();
  const info = registry.server!;
  const capabilities = capabilitiesOf(registry);
  const server = new Server(
    { name: info.name, version: info.version },
    {
      capabilities,
      ...(info.instructions === undefined ? {} : { instructions: info.instructions }),
      jsonSchemaValidator: new CfWorkerJsonSchemaValidator(),
    },
  );
  const validator = new CfWorkerJsonSchemaValidator();
  // One validator per input schema, not per call: building one dereferences the whole schema, about
  // 5 µs of every tools/call in Chromium (issue #7, bench --profile). Keyed by the registry's schema
  // object, so a restart's re-registration gets its own.
  const validators = new WeakMap<object, JsonSchemaValidator<unknown>>();
  const validatorFor = (schema: Record<string, unknown>): JsonSchemaValidator<unknown> => {
    let validate = validators.get(schema);
    if (!validate) {
      validate = validator.getValidator(schema);
      validators.set(schema, validate);
    }
    return validate;
  };
  const subscriptions = new Set<string>();
  let level: LoggingLevel | undefined;
  const severity = (l: LoggingLevel) => LoggingLevelSchema.options.indexOf(l);

  /** Drops log messages below the level the client set (logging/setLevel). */
  const wanted = (n: ServerNotification): boolean => {
    if (n.method === 'notifications/message') return level === undefined || severity(n.params.level) >= severity(level);
    if (n.method === 'notifications/resources/updated') return subscriptions.has(n.params.uri);
    return true;
  };
  const send = (n: ServerNotification) => {
    if (wanted(n)) server.notification(n).catch(() => {});
  };
  const unsubscribe = host.onNotification(send);
  server.onclose = () => unsubscribe();

  const context = (extra: Extra): CallContext => {
    const progressToken = extra.mcpReq._meta?.progressToken;
    return {
      ...(progressToken === undefined ? {} : { progressToken }),
      notify: (n) => {
        if (wanted(n)) extra.mcpReq.notify(n).catch(() => {});
      },
      // Related to the request being handled, so it travels on that request's stream (Streamable HTTP).
      request: (method, params) => {
        // Only to a client that declared the capability (wit: request-sampling's `unavailable`).
        const capability = method === 'sampling/createMessage' ? 'sampling' : 'elicitation';
        if (!server.getClientCapabilities()?.[capability]) {
          throw new McpErrorResource('unavailable', `the client did not declare the ${capability} capability`, undefined);
        }
        // When the client cancels the call, its question is withdrawn too (notifications/cancelled).
        // A person answers it, so it waits far longer than the SDK's 60 s default.
        const options = { signal: extra.mcpReq.signal, timeout: CLIENT_QUESTION_TIMEOUT_MS };
        return method === 'sampling/createMessage'
          ? extra.mcpReq.send({ method, params } as ServerRequest, CreateMessageResultSchema, options)
          : extra.mcpReq.send({ method, params } as ServerRequest, ElicitResultSchema, options);
      },
    };
  };

  /** Runs a handler; every failure leaves as a JSON-RPC error with a meaningful code. */
  const guarded =
    /* @mcp-codemod-error Parameter annotation '(params: P, extra: Extra, registry: Registry) => Promise<R>' mentions a context type in a shape the codemod cannot remap — review the body's property accesses (e.g. .signal is now .mcpReq.signal). */
    <P, R>(fn: (params: P, extra: Extra, registry: Registry) => Promise<R>) =>
    async (request: { params?: P }, extra: Extra): Promise<R> => {
      try {
        return await fn(request.params as P, extra, await host.registry());
      } catch (e) {
        throw toMcpError(e);
      }
    };

  server.setRequestHandler('logging/setLevel', async (request) => {
    level = request.params.level;
    return {};
  });

  if (capabilities.tools) {
    server.setRequestHandler(
      'tools/list',
      guarded(async (_p, _e, reg) => ({ tools: [...reg.tools.values()].map(toMcpTool) })),
    );
    server.setRequestHandler(
      'tools/call',
      guarded(async (params, extra, reg) => {
        const tool = reg.tools.get(params.name);
        if (!tool) throw new RpcError(ProtocolErrorCode.InvalidParams, `Unknown tool: ${params.name}`);
        const args = params.arguments ?? {};
        const check = validatorFor(tool.inputSchema)(args);
        if (!check.valid) {
          throw new RpcError(ProtocolErrorCode.InvalidParams, `Invalid arguments for tool ${params.name}: ${check.errorMessage}`);
        }
        const result = await host.call(context(extra), 'callTool', (h) => h.callTool(params.name, jsonBytes(args)));
        return toMcpToolResult(result);
      }),
    );
  }

  if (capabilities.resources) {
    server.setRequestHandler(
      'resources/list',
      guarded(async (_p, _e, reg) => ({ resources: [...reg.resources.values()].map(toMcpResource) })),
    );
    server.setRequestHandler(
      'resources/templates/list',
      guarded(async (_p, _e, reg) => ({ resourceTemplates: [...reg.templates.values()].map(toMcpResourceTemplate) })),
    );
    server.setRequestHandler(
      'resources/read',
      guarded(async (params, extra, reg) => {
        const result = await host.call(context(extra), 'readResource', (h) => h.readResource(params.uri));
        return toMcpResourceContents(params.uri, reg.resources.get(params.uri)?.mimeType, result.contents);
      }),
    );
    if (capabilities.resources.subscribe) {
      server.setRequestHandler(
        'resources/subscribe',
        guarded(async (params, extra) => {
          await host.call(context(extra), 'handleSubscribe', (h) => h.handleSubscribe(params.uri));
          subscriptions.add(params.uri);
          return {};
        }),
      );
      server.setRequestHandler(
        'resources/unsubscribe',
        guarded(async (params, extra) => {
          await host.call(context(extra), 'handleUnsubscribe', (h) => h.handleUnsubscribe(params.uri));
          subscriptions.delete(params.uri);
          return {};
        }),
      );
    }
  }

  if (capabilities.prompts) {
    server.setRequestHandler(
      'prompts/list',
      guarded(async (_p, _e, reg) => ({ prompts: [...reg.prompts.values()].map(toMcpPrompt) })),
    );
    server.setRequestHandler(
      'prompts/get',
      guarded(async (params, extra, reg) => {
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
        const result = await host.call(context(extra), 'getPrompt', (h) => h.getPrompt(params.name, args));
        return toMcpPromptResult(prompt.description, result.messages);
      }),
    );
  }

  if (capabilities.completions) {
    server.setRequestHandler(
      'completion/complete',
      guarded(async (params, extra) => {
        const ref = params.ref;
        const [refType, refValue] = ref.type === 'ref/prompt' ? (['prompt-name', ref.name] as const) : (['resource-uri', ref.uri] as const);
        const ctx = params.context?.arguments === undefined ? undefined : jsonBytes(params.context.arguments);
        const completions = await host.call(context(extra), 'handleComplete', (h) =>
          h.handleComplete(refType, refValue, params.argument.name, params.argument.value, ctx),
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
