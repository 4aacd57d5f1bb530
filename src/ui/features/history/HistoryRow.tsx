import type { HistoryEntry } from '../../../session/entries.js';
import { bytes, clock, ms } from '../../format.js';

/** One message in the timeline: a fixed-height row (the list is virtualized). */
export function HistoryRow({ entry, selected, onSelect }: { entry: HistoryEntry; selected: boolean; onSelect(): void }) {
  const out = entry.direction === 'out';
  return (
    <button type="button" className={`history-row ${entry.kind} ${selected ? 'selected' : ''}`} aria-current={selected} onClick={onSelect}>
      <span className="h-time">{clock(entry.time)}</span>
      <span className={`h-dir ${entry.direction}`} title={out ? 'sent to the server' : 'received from the server'}>
        {out ? '→ sent' : '← recv'}
      </span>
      <span className="h-kind">{entry.kind}</span>
      <span className="h-method" title={entry.subject}>
        {entry.method ?? ''}
        {entry.subject !== undefined && <span className="h-subject"> {entry.subject}</span>}
      </span>
      <span className="h-id">{entry.id === undefined ? '' : `#${String(entry.id)}`}</span>
      <span className="h-size">{bytes(entry.size)}</span>
      <span className="h-rtt">{entry.rttMs === undefined ? '' : ms(entry.rttMs)}</span>
    </button>
  );
}
