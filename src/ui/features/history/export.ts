/** The session's history as JSON Lines: one message per line, with its direction, time, size and round trip. */
import type { HistoryEntry } from '../../../session/entries.js';

export function toJsonLines(entries: readonly HistoryEntry[]): string {
  return entries
    .map((e) =>
      JSON.stringify({
        seq: e.seq,
        time: new Date(e.time).toISOString(),
        direction: e.direction === 'out' ? 'client->server' : 'server->client',
        kind: e.kind,
        method: e.method,
        id: e.id,
        size: e.size,
        rttMs: e.rttMs === undefined ? undefined : Math.round(e.rttMs * 1000) / 1000,
        raw: e.raw || undefined,
        message: e.message,
      }),
    )
    .join('\n')
    .concat(entries.length > 0 ? '\n' : '');
}

export function download(name: string, text: string, type = 'application/jsonl'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
