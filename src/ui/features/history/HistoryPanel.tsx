/**
 * Every JSON-RPC message of one server in both directions,
 * virtualized for tens of thousands of entries. An entry expands in the side
 * pane, where it can be copied or re-sent; the whole can be exported.
 */
import { useMemo, useState } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { CopyButton } from '../../components/CopyButton.js';
import { JsonView } from '../../components/JsonView.js';
import { VirtualList } from '../../components/VirtualList.js';
import type { HistoryEntry } from '../../../session/entries.js';
import { useHistory } from '../../hooks/stores.js';
import timeline from '../../components/Timeline.module.css';
import { callRounds } from './call-rounds.js';
import styles from './History.module.css';
import { Resent } from './Resent.js';
import { download, toJsonLines } from './export.js';
import { SaveHistory } from '../collections/SaveHistory.js';
import { HistoryRow } from './HistoryRow.js';

export function HistoryPanel({ session }: { session: ServerSession }) {
  const history = useHistory(session);
  const [filter, setFilter] = useState('');
  const [selectedSeq, setSelectedSeq] = useState<number>();
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const matches = (e: HistoryEntry) => [e.method, e.subject].some((s) => s?.toLowerCase().includes(q)) || String(e.id ?? '').includes(q);
    return q ? history.items.filter(matches) : history.items;
  }, [history, filter]);
  const rounds = useMemo(() => callRounds(history.items), [history]);
  const selected = selectedSeq === undefined ? undefined : history.items.find((e) => e.seq === selectedSeq);
  const canResend = selected?.direction === 'out' && (selected.kind === 'request' || selected.kind === 'notification');
  const exportAll = () => download(`${session.name}-history.jsonl`, toJsonLines(history.items));

  return (
    <div className={timeline.timeline}>
      <div className="toolbar">
        <input type="search" aria-label="Filter history" placeholder="Filter by method, name, URI or id" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="muted" data-testid="history-count">
          {shown.length} of {history.items.length} messages
        </span>
        <button type="button" onClick={exportAll} disabled={history.items.length === 0}>
          Export JSON Lines
        </button>
        <SaveHistory session={session} entries={shown} filtered={shown.length !== history.items.length} />
        <button type="button" onClick={() => session.history.clear()}>
          Clear history
        </button>
      </div>
      <div className={styles.body}>
        <VirtualList
          label="History"
          className={styles.list}
          count={shown.length}
          rowHeight={26}
          follow
          renderRow={(i) => <HistoryRow entry={shown[i]} round={rounds.get(shown[i].seq)} selected={shown[i].seq === selectedSeq} onSelect={() => setSelectedSeq(shown[i].seq)} />}
        />
        {selected && (
          <section className={styles.detail} aria-label="Message details">
            <div className="toolbar">
              <CopyButton text={JSON.stringify(selected.message, null, 2)} />
              {canResend && (
                <button type="button" onClick={() => void session.resend(selected.message, selected.seq)}>
                  Re-send
                </button>
              )}
              <button type="button" onClick={() => setSelectedSeq(undefined)}>
                Close
              </button>
            </div>
            <JsonView value={selected.message} label="Message" />
            <Resent session={session} seq={selected.seq} />
          </section>
        )}
      </div>
    </div>
  );
}
