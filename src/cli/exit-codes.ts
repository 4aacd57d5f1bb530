/**
 * The CLI's exit codes (documented in docs/cli.md; scripts and MCP clients
 * may rely on them), and the one error type commands throw to pick one.
 */
import { toWireError, type ErrorCode } from '../host/errors.js';

export const EXIT = {
  /** Done: the client hung up, or a signal asked us to stop. */
  OK: 0,
  /** A runtime failure: the component kept crashing, the port is taken, an internal error. */
  RUNTIME: 1,
  /** Bad command line. */
  USAGE: 2,
  /** The component file is missing, unreadable, not a component, or not a wasi:mcp server. */
  BAD_COMPONENT: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Host error codes that mean "this file is not a component we can serve". */
const COMPONENT_CODES = new Set<ErrorCode>([
  'NOT_WASM',
  'TOO_LARGE',
  'TRUNCATED',
  'NOT_A_COMPONENT',
  'WRONG_WORLD',
  'TRANSPILE_FAILED',
  'INSTANTIATE_FAILED',
  'REGISTRATION_FAILED',
  'MEMORY_LIMIT',
  'UNSUPPORTED_MEMORY',
  'COPY_LIMIT',
  'TIMED_OUT',
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE',
]);

export class CliError extends Error {
  override name = 'CliError';
  constructor(
    readonly exitCode: ExitCode,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function usageError(message: string): CliError {
  return new CliError(EXIT.USAGE, 'USAGE', message);
}

/** A failure to load the component `file`: exit 3 when the file is to blame, 1 otherwise. */
export function loadError(e: unknown, file: string): CliError {
  if (e instanceof CliError) return e;
  const error = toWireError(e);
  return new CliError(COMPONENT_CODES.has(error.code) ? EXIT.BAD_COMPONENT : EXIT.RUNTIME, error.code, `${file}: ${error.message}`);
}

/** A failure while a command talks to a loaded component: exit 1, with `fallback` for a failure that has no code of its own. */
export function runtimeError(e: unknown, fallback: ErrorCode): CliError {
  if (e instanceof CliError) return e;
  const error = toWireError(e);
  return new CliError(EXIT.RUNTIME, error.code === 'INTERNAL' ? fallback : error.code, error.message);
}
