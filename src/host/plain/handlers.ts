/**
 * A plain component's exports behind the handlers interface the host calls
 * for a wasi:mcp component: `callTool(name, argsJsonBytes)` converts the
 * arguments to the values jco's bindings take, calls the function and answers
 * with a tool result. The host validated the arguments against the tool's
 * input schema already; what a schema cannot say (a u64 given as a string
 * beyond its range, a lone surrogate as a char) is refused here, before the
 * component runs, as invalid-params naming the place.
 */
import { jsonBytes, parseJsonBytes } from '../bytes.js';
import { HostError } from '../errors.js';
import { McpErrorResource } from '../runtime.js';
import type { WitErrorCode, WitHandlers, WitToolResult } from '../wit.js';
import type { PlainTool } from './tools.js';
import { camel, fromGuest, toGuest, ValueError } from './values.js';

type Callable = (...args: unknown[]) => unknown;

/**
 * An err(error) of a handler, as jco throws it for a wasi:mcp component: the
 * host answers with a JSON-RPC error and keeps the instance.
 */
class Refusal extends Error {
  override name = 'Refusal';
  readonly payload: McpErrorResource;
  constructor(code: WitErrorCode, message: string) {
    super(message);
    this.payload = new McpErrorResource(code, message, undefined);
  }
}

const text = (t: string): WitToolResult['content'][number] => ({ tag: 'text', val: { contentType: 'text', text: t } });

/** The function behind `tool` among jco's exports: interfaces by export name, functions by camelCase name. */
function functionOf(tool: PlainTool, exports: Record<string, unknown>): Callable {
  const holder = tool.iface === undefined ? exports : (exports[tool.iface] ?? exports[camel(tool.iface)]);
  const fn = (holder as Record<string, unknown> | undefined)?.[camel(tool.fn.name)];
  if (typeof fn !== 'function') throw new HostError('INSTANTIATE_FAILED', `jco's bindings have no function for tool ${tool.name}`);
  return fn as Callable;
}

/** An err of a function whose WIT result is `result`: jco throws a ComponentError carrying it as `payload`. */
function errPayload(e: unknown): { payload: unknown } | undefined {
  return e instanceof Error && Object.hasOwn(e, 'payload') ? (e as Error & { payload: unknown }) : undefined;
}

function argumentsOf(tool: PlainTool, bytes: Uint8Array): unknown[] {
  const args = parseJsonBytes(bytes, `arguments of tool ${tool.name}`);
  if (typeof args !== 'object' || args === null || Array.isArray(args)) throw new ValueError('', 'arguments must be a JSON object');
  const record = args as Record<string, unknown>;
  const unknown = Object.keys(record).find((k) => !tool.fn.params.some((p) => p.name === k));
  if (unknown !== undefined) throw new ValueError(`/${unknown}`, `${tool.name} has no parameter ${unknown}`);
  return tool.fn.params.map((p) => {
    if (record[p.name] === undefined && p.type.kind !== 'option') throw new ValueError(`/${p.name}`, 'is missing');
    return toGuest(p.type, record[p.name], `/${p.name}`);
  });
}

async function call(tool: PlainTool, fn: Callable, argsBytes: Uint8Array): Promise<WitToolResult> {
  if (tool.refusal) return { content: [text(tool.refusal)], isError: true };
  let args: unknown[];
  try {
    args = argumentsOf(tool, argsBytes);
  } catch (e) {
    if (e instanceof ValueError) throw new Refusal('invalid-params', `Invalid arguments for tool ${tool.name}: ${e.message}`);
    throw new Refusal('invalid-params', (e as Error).message);
  }
  const type = tool.fn.result;
  let value: unknown;
  try {
    value = await fn(...args);
  } catch (e) {
    const err = type?.kind === 'result' ? errPayload(e) : undefined;
    if (!err) throw e; // a trap: the host restarts the instance
    const json = { err: type?.kind === 'result' && type.err ? fromGuest(type.err, err.payload) : null };
    return { content: [text(JSON.stringify(json))], isError: true };
  }
  if (!type) return { content: [text('null')] };
  const result = type.kind === 'result' ? (type.ok ? fromGuest(type.ok, value) : null) : fromGuest(type, value);
  return { content: [text(JSON.stringify(result))], structuredContent: jsonBytes({ result }) };
}

function notServed(what: string): never {
  throw new Refusal('method-not-found', `a plain component serves tools only, not ${what}`);
}

/** Handlers for the tools of one instance, whose jco exports are `exports`. */
export function plainHandlers(tools: PlainTool[], exports: Record<string, unknown>): WitHandlers {
  const byName = new Map(tools.map((t) => [t.name, { tool: t, fn: functionOf(t, exports) }]));
  return {
    callTool(name, argsBytes) {
      const entry = byName.get(name);
      if (!entry) throw new Refusal('tool-not-found', `Unknown tool: ${name}`);
      return call(entry.tool, entry.fn, argsBytes);
    },
    readResource: () => notServed('resources'),
    getPrompt: () => notServed('prompts'),
    handleSubscribe: () => notServed('resource subscriptions'),
    handleUnsubscribe: () => notServed('resource subscriptions'),
    handleComplete: () => notServed('completions'),
  };
}
