/**
 * The saved workspace as stored: versioned and parsed on the way back in, so
 * that a record from an older page, or one damaged on disk, gives an empty
 * workspace (or drops the one server it cannot read), never a crash.
 * Bytes (a dropped component, a sandbox file) are stored beside it by SHA-256.
 */
import { JSONRPCMessageSchema, RequestIdSchema } from '@modelcontextprotocol/core';
import * as z from 'zod/v4';
import { ERAS } from './era.js';
import type { HistoryEntry } from './entries.js';

/** How many of a server's newest messages come back after a reload, at most. */
export const SAVED_HISTORY_ENTRIES = 200;
/** Roots kept per server: more than a person edits by hand. */
export const SAVED_ROOTS = 100;
/** And how many bytes of them (a message may be 4 MiB): the newest that fit, oldest dropped. */
export const SAVED_HISTORY_BYTES = 512 * 1024;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const SavedSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('example'), name: z.string() }),
  z.object({ type: z.literal('file'), name: z.string(), sha256: Sha256 }),
  z.object({ type: z.literal('url'), url: z.string() }),
  z.object({ type: z.literal('remote'), url: z.string() }),
]);
export type SavedSource = z.infer<typeof SavedSource>;

const SavedSandbox = z.object({
  env: z.record(z.string(), z.string()),
  dirPath: z.string(),
  files: z.array(z.object({ name: z.string(), sha256: Sha256 })),
  httpOrigins: z.array(z.string()),
  deadlineMs: z.number().int().positive(),
  memoryLimitMiB: z.number().int().positive(),
});
export type SavedSandbox = z.infer<typeof SavedSandbox>;

const SavedHistoryEntry = z.object({
  seq: z.number().int(),
  direction: z.enum(['out', 'in']),
  kind: z.enum(['request', 'notification', 'result', 'error']),
  message: JSONRPCMessageSchema,
  method: z.string().optional(),
  id: RequestIdSchema.optional(),
  size: z.number().int().nonnegative(),
  time: z.number(),
  rttMs: z.number().optional(),
  raw: z.boolean(),
});

const SavedServer = z.object({
  name: z.string(),
  source: SavedSource,
  era: z.enum(ERAS),
  /** Absent for a remote server, which has no sandbox. */
  sandbox: SavedSandbox.optional(),
  /** Entries are read one by one: one that does not parse is left out, not the server. */
  history: z.array(z.unknown()).max(SAVED_HISTORY_ENTRIES),
  /** The roots offered to it (absent in records saved before roots were kept: none). */
  roots: z.array(z.object({ uri: z.string().max(4096), name: z.string().max(256).optional() })).max(SAVED_ROOTS).optional(),
});
export type SavedHistoryEntry = z.infer<typeof SavedHistoryEntry>;

export interface SavedServer extends Omit<z.infer<typeof SavedServer>, 'history'> {
  history: SavedHistoryEntry[];
}

const WorkspaceV1 = z.object({
  version: z.literal(1),
  servers: z.array(z.unknown()),
  /** Index of the server shown, if any. */
  selected: z.number().int().nonnegative().optional(),
});

export interface WorkspaceRecord {
  version: 1;
  servers: SavedServer[];
  selected?: number;
}

export const EMPTY_WORKSPACE: WorkspaceRecord = { version: 1, servers: [] };

/** Reads what storage gave back: anything unreadable is left out, down to the whole record. */
export function parseWorkspace(stored: unknown): WorkspaceRecord {
  const record = WorkspaceV1.safeParse(stored);
  if (!record.success) return EMPTY_WORKSPACE;
  const servers = record.data.servers.flatMap((s): SavedServer[] => {
    const server = SavedServer.safeParse(s);
    if (!server.success) return [];
    const history = server.data.history.flatMap((e) => {
      const entry = SavedHistoryEntry.safeParse(e);
      return entry.success ? [entry.data] : [];
    });
    return [{ ...server.data, history }];
  });
  const { selected } = record.data;
  return selected !== undefined && selected < servers.length ? { version: 1, servers, selected } : { version: 1, servers };
}

/** The newest entries within both bounds, oldest first; an entry too large to fit ends the run. */
export function historyToSave(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const kept: HistoryEntry[] = [];
  let bytes = 0;
  for (let i = entries.length - 1; i >= 0 && kept.length < SAVED_HISTORY_ENTRIES; i--) {
    bytes += entries[i].size;
    if (bytes > SAVED_HISTORY_BYTES) break;
    kept.push(entries[i]);
  }
  return kept.reverse();
}

/** A saved entry as the History tab holds it. */
export function toHistoryEntry({ method, id, ...rest }: SavedHistoryEntry): HistoryEntry {
  return { ...rest, method, id };
}
