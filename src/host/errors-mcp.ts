import { parseJsonBytes } from './bytes.js';
import { GuestError } from './component.js';
import { describeError, HostError } from './errors.js';
import type { WitErrorCode } from './wit.js';
import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/server';
import { CONNECTION_CLOSED, REQUEST_TIMEOUT } from './rpc-codes.js';

/**
 * MCP's code for an unknown resource: -32602 (Invalid Params) since revision
 * 2026-07-28, for every era. Clients of 2025 accept it; the SDK rewrites the
 * older -32002 to it on the way out in any case.
 */
export const RESOURCE_NOT_FOUND = ProtocolErrorCode.InvalidParams;

const JSON_RPC_CODE: Partial<Record<WitErrorCode, number>> = {
  'parse-error': ProtocolErrorCode.ParseError,
  'invalid-request': ProtocolErrorCode.InvalidRequest,
  'method-not-found': ProtocolErrorCode.MethodNotFound,
  'invalid-params': ProtocolErrorCode.InvalidParams,
  'internal-error': ProtocolErrorCode.InternalError,
  'resource-not-found': RESOURCE_NOT_FOUND,
  'tool-not-found': ProtocolErrorCode.InvalidParams,
  'prompt-not-found': ProtocolErrorCode.InvalidParams,
  timeout: REQUEST_TIMEOUT,
  'request-timeout': REQUEST_TIMEOUT,
  'connection-closed': CONNECTION_CLOSED,
};

/**
 * A JSON-RPC error as a request handler throws it. Not the SDK's McpError:
 * that one bakes "MCP error <code>:" into its message, which the SDK would
 * send on the wire and the client would prefix once more.
 */
export class RpcError extends Error {
  override name = 'RpcError';
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

export function toMcpError(e: unknown): RpcError {
  if (e instanceof RpcError) return e;
  // The SDK's own protocol errors (an expired requestState, a missing client capability) keep their code.
  if (e instanceof ProtocolError) return new RpcError(e.code, e.message, e.data);
  if (e instanceof GuestError) {
    const code = e.error.code();
    const bytes = e.error.data();
    let data: unknown;
    try {
      data = bytes === undefined ? undefined : parseJsonBytes(bytes, 'error data');
    } catch (parseError) {
      data = { invalid: (parseError as Error).message };
    }
    return new RpcError(JSON_RPC_CODE[code] ?? ProtocolErrorCode.InternalError, e.error.message(), {
      code,
      ...(data === undefined ? {} : { data }),
    });
  }
  if (e instanceof HostError) {
    // The host error's own data (e.g. the component's stderr) travels beside its code.
    const extra = typeof e.data === 'object' && e.data !== null ? e.data : {};
    return new RpcError(ProtocolErrorCode.InternalError, e.message, { ...extra, code: e.code });
  }
  return new RpcError(ProtocolErrorCode.InternalError, describeError(e));
}

/** A failed resources/read: a resource-not-found error names the URI in its data, as MCP asks. */
export function toReadError(e: unknown, uri: string): RpcError {
  const error = toMcpError(e);
  const data = error.data as { code?: unknown } | undefined;
  if (data?.code !== 'resource-not-found') return error;
  return new RpcError(error.code, error.message, { ...data, uri });
}
