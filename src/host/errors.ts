/**
 * Host errors: local failures with codes from a closed list (they never cross
 * the wire as JSON-RPC errors by themselves). They cross postMessage as plain
 * `{ code, message, data }` (see toWireError), never relying on instanceof.
 */
const HOST_CODES = [
  'NOT_WASM',
  'TOO_LARGE',
  'TRUNCATED',
  'NOT_A_COMPONENT',
  'WRONG_WORLD',
  'TRANSPILE_FAILED',
  'INSTANTIATE_FAILED',
  'REGISTRATION_FAILED',
  'TRAPPED',
  'TIMED_OUT',
  'MEMORY_LIMIT',
  'UNSUPPORTED_MEMORY',
  'WORKER_CRASHED',
  'CRASH_LOOP',
  'BAD_RESULT',
  'COPY_LIMIT',
] as const;
export type HostErrorCode = (typeof HOST_CODES)[number];

/** Codes of failures around the host: the page's sessions, the CLI, and anything unforeseen (INTERNAL). */
const OTHER_CODES = [
  'INTERNAL',
  'CANCELLED',
  'RESTART',
  'READ_FAILED',
  'INITIALIZE_FAILED',
  'CONNECT_FAILED',
  'CORS_REFUSED',
  'WIT_FAILED',
  'INSPECT_FAILED',
  'TEST_FAILED',
  'DIFF_FAILED',
  'BAD_COLLECTION',
  'USAGE',
  'NODE_TOO_OLD',
  'LISTEN_FAILED',
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE',
  'DIR_NOT_FOUND',
  'DIR_UNREADABLE',
  'MESSAGE_TOO_LARGE',
] as const;

/** Every code a failure may carry: a closed list. */
export const ERROR_CODES = [...HOST_CODES, ...OTHER_CODES] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(value);
}

/** A failure as it crosses postMessage, a process boundary or the page: plain data with a known code. */
export interface ErrorReport {
  code: ErrorCode;
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

/**
 * The one way to turn anything thrown (or received) into an ErrorReport: a
 * HostError, or any value with a known code and a message, keeps its code and
 * data; anything else gets `fallback` and its message (or the text of what was
 * thrown).
 */
export function toWireError(error: unknown, fallback: ErrorCode = 'INTERNAL'): ErrorReport {
  if (typeof error !== 'object' || error === null || !('message' in error)) return { code: fallback, message: describeError(error) };
  const message = String(error.message);
  if (!('code' in error) || !isErrorCode(error.code)) return { code: fallback, message };
  const data = 'data' in error ? error.data : undefined;
  return data === undefined ? { code: error.code, message } : { code: error.code, message, data };
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
