import type { HistoryEntry } from '../../../session/entries.js';
import { bytes, clock, ms } from '../../format.js';
import type { CallRound } from './call-rounds.js';

/** One message in the timeline: a fixed-height row (the list is virtualized). */
interface Props {
  entry: HistoryEntry;
  /** Set when the request is a round of an input_required call. */
  round?: CallRound;
  selected: boolean;
  onSelect(): void;
}

export function HistoryRow({ entry, round, selected, onSelect }: Props) {
  const out = entry.direction === 'out';
  return (
    <button type="button" className={`history-row ${entry.kind} ${selected ? 'selected' : ''}`} aria-current={selected} onClick={onSelect}>
      <span className="h-time">{clock(entry.time)}</span>
      <span className={`h-dir ${entry.direction}`} title={out ? 'sent to the server' : 'received from the server'}>
        {out ? '→ sent' : '← recv'}
      </span>
      <span className="h-kind">{entry.kind}</span>
      <span className="h-method">
        {entry.method ?? ''}
        {round && <span className="h-round">{` round ${round.round} of call #${String(round.first)}`}</span>}
      </span>
      <span className="h-id">{entry.id === undefined ? '' : `#${String(entry.id)}`}</span>
      <span className="h-size">{bytes(entry.size)}</span>
      <span className="h-rtt">{entry.rttMs === undefined ? '' : ms(entry.rttMs)}</span>
    </button>
  );
}
