/**
 * How failures inside the host become JSON-RPC errors: a component's
 * err(error) keeps its meaning (tool-not-found is invalid params, as the MCP
 * spec says), a trap or a bad result is an internal error whose data names
 * the host error code.
 */
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { parseJsonBytes } from './bytes.js';
import { GuestError } from './component.js';
import { describeError, HostError } from './errors.js';
import type { WitErrorCode } from './wit.js';

/** MCP's code for an unknown resource (spec: "Resource not found", -32002). */
export const RESOURCE_NOT_FOUND = -32002;

const JSON_RPC_CODE: Partial<Record<WitErrorCode, number>> = {
  'parse-error': ErrorCode.ParseError,
  'invalid-request': ErrorCode.InvalidRequest,
  'method-not-found': ErrorCode.MethodNotFound,
  'invalid-params': ErrorCode.InvalidParams,
  'internal-error': ErrorCode.InternalError,
  'resource-not-found': RESOURCE_NOT_FOUND,
  'tool-not-found': ErrorCode.InvalidParams,
  'prompt-not-found': ErrorCode.InvalidParams,
  timeout: ErrorCode.RequestTimeout,
  'request-timeout': ErrorCode.RequestTimeout,
  'connection-closed': ErrorCode.ConnectionClosed,
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
  if (e instanceof GuestError) {
    const code = e.error.code();
    const bytes = e.error.data();
    let data: unknown;
    try {
      data = bytes === undefined ? undefined : parseJsonBytes(bytes, 'error data');
    } catch (parseError) {
      data = { invalid: (parseError as Error).message };
    }
    return new RpcError(JSON_RPC_CODE[code] ?? ErrorCode.InternalError, e.error.message(), {
      code,
      ...(data === undefined ? {} : { data }),
    });
  }
  if (e instanceof HostError) {
    // The host error's own data (e.g. the component's stderr) travels beside its code.
    const extra = typeof e.data === 'object' && e.data !== null ? e.data : {};
    return new RpcError(ErrorCode.InternalError, e.message, { ...extra, code: e.code });
  }
  return new RpcError(ErrorCode.InternalError, describeError(e));
}
