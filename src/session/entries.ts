/** The entries of a session's timelines: history, logs, notifications, output. */
import type { JSONRPCMessage, LoggingLevel } from '@modelcontextprotocol/client';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/core';
import type { Recorded } from '../transport/recording.js';

export interface HistoryEntry extends Recorded {
  seq: number;
}

export interface LogEntry {
  seq: number;
  time: number;
  level: LoggingLevel;
  logger?: string;
  data: unknown;
}

export interface NotificationEntry {
  seq: number;
  time: number;
  method: string;
  params: unknown;
}

export interface OutputEntry {
  seq: number;
  time: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export function toLogEntry(seq: number, time: number, message: JSONRPCMessage): LogEntry | undefined {
  const parsed = LoggingMessageNotificationSchema.safeParse(message);
  if (!parsed.success) return undefined;
  const { level, logger, data } = parsed.data.params;
  return logger === undefined ? { seq, time, level, data } : { seq, time, level, logger, data };
}

/** Output arrives in chunks of whole lines (the host splits at newlines); one entry per line. */
export function toOutputLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
