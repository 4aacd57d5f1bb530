import { describe, expect, test } from 'vitest';
import type { HistoryEntry } from '../../../src/session/entries.js';
import { historyToSave, parseWorkspace, SAVED_HISTORY_BYTES, SAVED_HISTORY_ENTRIES, toHistoryEntry } from '../../../src/session/workspace-record.js';

const HASH = 'a'.repeat(64);

function entry(seq: number, size = 100): HistoryEntry {
  return {
    seq,
    direction: 'out',
    kind: 'request',
    message: { jsonrpc: '2.0', id: seq, method: 'tools/call', params: { name: 'add', arguments: { a: 1, b: 2 } } },
    method: 'tools/call',
    id: seq,
    size,
    time: 1_700_000_000_000 + seq,
    raw: false,
  };
}

const server = {
  name: 'everything',
  source: { type: 'file', name: 'everything.wasm', sha256: HASH },
  era: '2026-07-28',
  sandbox: { env: { A: '1' }, dirPath: '/data', files: [{ name: 'x.txt', sha256: HASH }], httpOrigins: [], deadlineMs: 5000, memoryLimitMiB: 256 },
  history: [entry(1), entry(2)],
};

describe('the saved workspace record', () => {
  test('reads back what was written', () => {
    const record = parseWorkspace({ version: 1, servers: [server, { name: 'r', source: { type: 'remote', url: 'http://127.0.0.1:1/mcp' }, era: 'auto', history: [] }], selected: 1 });
    expect(record.selected).toBe(1);
    expect(record.servers.map((s) => s.source.type)).toEqual(['file', 'remote']);
    expect(record.servers[0].history.map(toHistoryEntry)).toEqual([entry(1), entry(2)]);
  });

  test.each([
    ['nothing stored', undefined],
    ['not an object', 'garbage'],
    ['a version this page does not know', { version: 2, servers: [server] }],
    ['servers that are not a list', { version: 1, servers: {} }],
  ])('%s gives an empty workspace', (_, stored) => {
    expect(parseWorkspace(stored)).toEqual({ version: 1, servers: [] });
  });

  test('a damaged server is left out, and a damaged history entry, not its server', () => {
    const record = parseWorkspace({
      version: 1,
      servers: [
        { ...server, era: '1999-01-01' },
        { ...server, source: { type: 'file', name: 'x.wasm', sha256: '../../etc' } },
        { ...server, history: [entry(1), { ...entry(2), message: 'not a message' }, entry(3)] },
      ],
      selected: 2,
    });
    expect(record.servers).toHaveLength(1);
    expect(record.servers[0].history.map((e) => e.seq)).toEqual([1, 3]);
    // The selection named a server that is gone.
    expect(record.selected).toBeUndefined();
  });

  test('history is saved newest first within its count and byte bounds, oldest first in order', () => {
    const many = Array.from({ length: SAVED_HISTORY_ENTRIES + 50 }, (_, i) => entry(i + 1));
    const kept = historyToSave(many);
    expect(kept).toHaveLength(SAVED_HISTORY_ENTRIES);
    expect(kept.at(-1)?.seq).toBe(many.length);
    expect(kept[0].seq).toBe(51);

    const big = [entry(1, 10), entry(2, SAVED_HISTORY_BYTES - 50), entry(3, 50), entry(4, 40)];
    expect(historyToSave(big).map((e) => e.seq)).toEqual([3, 4]);
    expect(historyToSave([entry(1, SAVED_HISTORY_BYTES + 1)])).toEqual([]);
  });
});
