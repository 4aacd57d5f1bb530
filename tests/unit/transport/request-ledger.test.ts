/** The ledger's own rules, apart from any transport: listen streams, delivery, detaching from a worker, idleness. */
import { expect, test } from 'vitest';
import { RequestLedger, type LedgerEntry } from '../../../src/transport/request-ledger.js';
import { ManualClock } from '../../helpers/manual-clock.js';

function ledger() {
  const clock = new ManualClock();
  const missed: string[] = [];
  const expired: string[] = [];
  const l = new RequestLedger<string>({
    timeoutMs: 100,
    cancelGraceMs: 10,
    clock,
    onDeadline: (e: LedgerEntry<string>) => missed.push(e.key),
    onCancelExpired: (e: LedgerEntry<string>) => expired.push(e.key),
  });
  return { l, clock, missed, expired };
}

test('a listen stream has no deadline; a request has one from when it reaches a worker', async () => {
  const { l, clock, missed } = ledger();
  l.open('listen', 'x', 'subscriptions/listen', true);
  l.open('waiting', 'x', 'tools/list', false);
  await clock.advance(1_000);
  expect(missed).toEqual([]);
  l.delivered('waiting');
  await clock.advance(99);
  expect(missed).toEqual([]);
  await clock.advance(1);
  expect(missed).toEqual(['waiting']);
});

test('detaching reports each request as it was on the old worker and stops every timer', async () => {
  const { l, clock, missed, expired } = ledger();
  l.open('a', 'x', 'tools/call', true);
  l.open('b', 'x', 'tools/call', true);
  l.asked('q', 'a');
  l.open('c', 'x', 'tools/call', false);
  l.open('d', 'x', 'tools/call', true);
  expect(l.cancel('d')).toBe('grace');
  const before = l.detach();
  expect(before.map((e) => [e.key, e.delivered, e.questions, e.cancelled])).toEqual([
    ['a', true, 1, false],
    ['b', true, 0, false],
    ['c', false, 0, false],
    ['d', true, 0, true],
  ]);
  expect(l.waiting).toBe(false);
  expect(clock.pending).toBe(0);
  await clock.advance(1_000);
  expect({ missed, expired }).toEqual({ missed: [], expired: [] });
});

test('idle waits for every request but the cancelled ones', async () => {
  const { l } = ledger();
  let idle = false;
  l.open('a', 'x', 'tools/call', true);
  l.open('b', 'x', 'tools/call', true);
  void l.idle().then(() => (idle = true));
  l.settle('a');
  await Promise.resolve();
  expect(idle).toBe(false);
  l.cancel('b');
  await Promise.resolve();
  expect(idle).toBe(true);
});
