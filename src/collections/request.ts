/** A saved call's request as the JSON-RPC method and params it sends, and back. */
import type { CallRequest } from './format.js';

export interface WireRequest {
  method: string;
  params?: Record<string, unknown>;
}

export function toWire(request: CallRequest): WireRequest {
  switch (request.kind) {
    case 'tool':
      return { method: 'tools/call', params: { name: request.name, arguments: request.arguments ?? {} } };
    case 'resource':
      return { method: 'resources/read', params: { uri: request.uri } };
    case 'prompt':
      return { method: 'prompts/get', params: { name: request.name, ...(request.arguments ? { arguments: request.arguments } : {}) } };
    case 'completion':
      return {
        method: 'completion/complete',
        params: { ref: request.ref, argument: request.argument, ...(request.context ? { context: request.context } : {}) },
      };
    case 'request':
      return request.params === undefined ? { method: request.method } : { method: request.method, params: request.params };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is Record<string, string> => isObject(v) && Object.values(v).every((s) => typeof s === 'string');

/** The kind of call a request is, falling back to a raw request when its params are not the usual shape. */
export function fromWire({ method, params }: WireRequest): CallRequest {
  const p = params ?? {};
  if (method === 'tools/call' && typeof p.name === 'string' && (p.arguments === undefined || isObject(p.arguments))) {
    return { kind: 'tool', name: p.name, ...(p.arguments === undefined ? {} : { arguments: p.arguments }) };
  }
  if (method === 'resources/read' && typeof p.uri === 'string') return { kind: 'resource', uri: p.uri };
  if (method === 'prompts/get' && typeof p.name === 'string' && (p.arguments === undefined || isStrings(p.arguments))) {
    return { kind: 'prompt', name: p.name, ...(p.arguments === undefined ? {} : { arguments: p.arguments }) };
  }
  const completion = method === 'completion/complete' ? completionOf(p) : undefined;
  if (completion) return completion;
  return params === undefined ? { kind: 'request', method } : { kind: 'request', method, params: withoutMetaKey(params) };
}

function completionOf(p: Record<string, unknown>): CallRequest | undefined {
  const { ref, argument, context } = p;
  if (!isObject(argument) || typeof argument.name !== 'string' || typeof argument.value !== 'string') return undefined;
  const arg = { name: argument.name, value: argument.value };
  const ctx = isObject(context) && isStrings(context.arguments) ? { context: { arguments: context.arguments } } : {};
  if (!isObject(ref)) return undefined;
  if (ref.type === 'ref/prompt' && typeof ref.name === 'string') return { kind: 'completion', ref: { type: 'ref/prompt', name: ref.name }, argument: arg, ...ctx };
  if (ref.type === 'ref/resource' && typeof ref.uri === 'string') return { kind: 'completion', ref: { type: 'ref/resource', uri: ref.uri }, argument: arg, ...ctx };
  return undefined;
}

/** Request `_meta` (progress tokens, the 2026 envelope) belongs to one sending, not to the saved call. */
function withoutMetaKey(params: Record<string, unknown>): Record<string, unknown> {
  const { _meta: _, ...rest } = params;
  return rest;
}
