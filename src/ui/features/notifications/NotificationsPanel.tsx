/** Notifications from the server other than log messages: progress, list changes, resource updates; and supervisor events. */
import { useMemo, useState } from 'react';
import type { NotificationEntry } from '../../../session/entries.js';
import type { ServerSession } from '../../../session/server-session.js';
import { TimelineList } from '../../components/TimelineList.js';
import { oneLine } from '../../format.js';
import { useNotifications } from '../../hooks/stores.js';
import timeline from '../../components/Timeline.module.css';
import styles from './NotificationsPanel.module.css';

/** Whether `n` matches what was typed: its method, or its parameters as JSON. */
function matches(n: NotificationEntry, query: string): boolean {
  return n.method.toLowerCase().includes(query) || (n.params !== undefined && oneLine(n.params, 2000).toLowerCase().includes(query));
}

export function NotificationsPanel({ session }: { session: ServerSession }) {
  const notifications = useNotifications(session);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q ? notifications.items.filter((n) => matches(n, q)) : notifications.items;
  }, [notifications, filter]);
  return (
    <div className={timeline.timeline}>
      <div className="toolbar">
        <input type="search" aria-label="Filter notifications" placeholder="Filter by method or content" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="muted">
          {shown.length} of {notifications.items.length} notifications
        </span>
        <button type="button" onClick={() => session.notifications.clear()}>
          Clear notifications
        </button>
      </div>
      <TimelineList label="Notifications" items={shown} rowHeight={24} rowClass={(n) => (n.method.startsWith('supervisor/') ? styles.supervisor : '')}>
        {(n) => (
          <>
            <span className={styles.method}>{n.method}</span>
            <span className={timeline.text}>{n.params === undefined ? '' : oneLine(n.params, 400)}</span>
          </>
        )}
      </TimelineList>
    </div>
  );
}
