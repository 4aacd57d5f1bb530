/**
 * Host errors: local failures with string codes (they never cross the wire as
 * JSON-RPC errors by themselves). They cross postMessage as plain
 * `{ code, message, data }` (see toWireError), never relying on instanceof.
 */
export type HostErrorCode =
  | 'NOT_WASM'
  | 'TOO_LARGE'
  | 'TRUNCATED'
  | 'NOT_A_COMPONENT'
  | 'WRONG_WORLD'
  | 'TRANSPILE_FAILED'
  | 'INSTANTIATE_FAILED'
  | 'REGISTRATION_FAILED'
  | 'TRAPPED'
  | 'TIMED_OUT'
  | 'MEMORY_LIMIT'
  | 'UNSUPPORTED_MEMORY'
  | 'WORKER_CRASHED'
  | 'CRASH_LOOP'
  | 'BAD_RESULT'
  | 'COPY_LIMIT';

export interface WireError {
  code: string;
  message: string;
  data?: unknown;
}

export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly data: unknown;

  constructor(code: HostErrorCode, message: string, data?: unknown) {
    super(message);
    this.name = 'HostError';
    this.code = code;
    this.data = data;
  }
}

export function toWireError(error: unknown): WireError {
  if (error instanceof HostError) {
    return error.data === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, data: error.data };
  }
  if (error instanceof Error) return { code: 'INTERNAL', message: error.message };
  return { code: 'INTERNAL', message: String(error) };
}

/** Text of any thrown value, for messages. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
