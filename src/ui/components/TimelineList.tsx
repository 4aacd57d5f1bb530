/**
 * The list of a dock timeline (log messages, notifications, output):
 * virtualized one-line rows that keep the newest in view, each starting with
 * the time of its entry.
 */
import type { ReactNode } from 'react';
import { clock } from '../format.js';
import timeline from './Timeline.module.css';
import { VirtualList } from './VirtualList.js';

interface Props<T extends { time: number }> {
  /** Accessible name of the list. */
  label: string;
  items: readonly T[];
  rowHeight: number;
  /** A class of its own for an entry's row, beside the shared one. */
  rowClass?(item: T): string;
  /** What follows the time in an entry's row. */
  children(item: T): ReactNode;
}

export function TimelineList<T extends { time: number }>({ label, items, rowHeight, rowClass, children }: Props<T>) {
  return (
    <VirtualList
      label={label}
      count={items.length}
      rowHeight={rowHeight}
      follow
      renderRow={(i) => (
        <div className={`${timeline.row} ${rowClass?.(items[i]) ?? ''}`}>
          <span className={timeline.time}>{clock(items[i].time)}</span>
          {children(items[i])}
        </div>
      )}
    />
  );
}
