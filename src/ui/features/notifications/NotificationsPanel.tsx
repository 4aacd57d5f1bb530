/** Notifications from the server other than log messages: progress, list changes, resource updates; and supervisor events. */
import type { ServerSession } from '../../../session/server-session.js';
import { VirtualList } from '../../components/VirtualList.js';
import { clock, oneLine } from '../../format.js';
import { useNotifications } from '../../hooks/stores.js';

export function NotificationsPanel({ session }: { session: ServerSession }) {
  const notifications = useNotifications(session);
  return (
    <div className="timeline">
      <div className="toolbar">
        <span className="muted">{notifications.items.length} notifications</span>
        <button type="button" onClick={() => session.notifications.clear()}>
          Clear notifications
        </button>
      </div>
      <VirtualList
        label="Notifications"
        count={notifications.items.length}
        rowHeight={24}
        follow
        renderRow={(i) => {
          const n = notifications.items[i];
          return (
            <div className={`note-row ${n.method.startsWith('supervisor/') ? 'supervisor' : ''}`}>
              <span className="h-time">{clock(n.time)}</span>
              <span className="note-method">{n.method}</span>
              <span className="note-params">{n.params === undefined ? '' : oneLine(n.params, 400)}</span>
            </div>
          );
        }}
      />
    </div>
  );
}
