/**
 * The `Mcp-Param-*` check of a 2026-07-28 HTTP request (host/param-headers.ts):
 * a `tools/call` for a tool whose input schema declares custom headers is
 * answered here with HTTP 400 and -32020 when its headers and its arguments
 * disagree. Every other request passes through untouched.
 */
import { HEADER_MISMATCH } from '../host/rpc-codes.js';
import { paramHeaderMismatch, paramHeadersOf, type ParamHeader } from '../host/param-headers.js';
import type { ComponentHost } from '../host/index.js';

/** Declarations by input schema: a registered schema does not change, and a re-registered tool has a new one. */
const declarations = new WeakMap<Record<string, unknown>, ParamHeader[] | undefined>();

export async function paramHeaderRejection(host: ComponentHost, request: Request): Promise<Response | undefined> {
  if (request.method !== 'POST') return undefined;
  const body = (await request.clone().json().catch(() => undefined)) as { id?: unknown; method?: unknown; params?: unknown } | undefined;
  if (typeof body !== 'object' || body === null || body.method !== 'tools/call') return undefined;
  const params = body.params as { name?: unknown; arguments?: unknown } | undefined;
  if (typeof params?.name !== 'string') return undefined;
  const tool = (await host.registry()).tools.get(params.name);
  if (!tool) return undefined;
  if (!declarations.has(tool.inputSchema)) declarations.set(tool.inputSchema, paramHeadersOf(tool.inputSchema));
  const declared = declarations.get(tool.inputSchema);
  if (!declared?.length) return undefined;
  const mismatch = paramHeaderMismatch(declared, params.arguments, (name) => request.headers.get(name));
  if (mismatch === undefined) return undefined;
  const id = typeof body.id === 'string' || typeof body.id === 'number' ? body.id : null;
  return Response.json(
    { jsonrpc: '2.0', id, error: { code: HEADER_MISMATCH, message: `Bad Request: the request headers and body disagree: ${mismatch}` } },
    { status: 400 },
  );
}
