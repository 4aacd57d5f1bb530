/** MCP log levels in order of severity, and the filter a client's level sets. */
import type { LoggingLevel } from '@modelcontextprotocol/server';

const LEVELS: readonly LoggingLevel[] = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];

/** The level a client named, or undefined when it named none (or something that is not a level). */
export function toLevel(value: unknown): LoggingLevel | undefined {
  return LEVELS.includes(value as LoggingLevel) ? (value as LoggingLevel) : undefined;
}

/**
 * Whether a message at `level` goes out under the client's `wanted` level:
 * undefined (2025: no logging/setLevel yet) lets everything through, 'off'
 * (2026-07-28: the request's envelope named no level) nothing.
 */
export function logAllowed(level: LoggingLevel, wanted: LoggingLevel | 'off' | undefined): boolean {
  if (wanted === undefined) return true;
  if (wanted === 'off') return false;
  return LEVELS.indexOf(level) >= LEVELS.indexOf(wanted);
}
