import type { HistoryEntry } from '../../../session/entries.js';
import { bytes, clock, ms } from '../../format.js';
import type { CallRound } from './call-rounds.js';
import timeline from '../../components/Timeline.module.css';
import styles from './History.module.css';

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
    <button
      type="button"
      className={`${timeline.row} ${styles.row} ${entry.kind === 'error' ? styles.error : ''} ${selected ? styles.selected : ''}`}
      aria-current={selected}
      onClick={onSelect}
    >
      <span className={timeline.time}>{clock(entry.time)}</span>
      <span className={`${styles.dir} ${out ? styles.out : styles.in}`} title={out ? 'sent to the server' : 'received from the server'}>
        {out ? '→ sent' : '← recv'}
      </span>
      <span className={styles.kind}>{entry.kind}</span>
      <span className={`${timeline.text} ${styles.method}`} title={entry.subject}>
        {entry.method ?? ''}
        {entry.subject !== undefined && <span className={styles.subject}> {entry.subject}</span>}
        {round && <span className={styles.round}>{` round ${round.round} of call #${String(round.first)}`}</span>}
      </span>
      <span className={styles.id}>{entry.id === undefined ? '' : `#${String(entry.id)}`}</span>
      <span className={styles.size}>{bytes(entry.size)}</span>
      <span className={styles.rtt}>{entry.rttMs === undefined ? '' : ms(entry.rttMs)}</span>
    </button>
  );
}
