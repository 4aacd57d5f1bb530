/** The loaded servers; each is its own worker, client and state. */
import type { ServerSession } from '../../../session/server-session.js';
import type { Phase } from '../../../session/status.js';
import { useApp } from '../../app-context.js';
import { useClientRequests, useServers, useStatus } from '../../hooks/stores.js';
import styles from './ServerList.module.css';

const PHASE: Record<Phase, string> = {
  loading: 'loading',
  ready: 'ready',
  restarting: 'restarting',
  failed: 'failed',
  closed: 'closed',
};

function ServerItem({ session, selected }: { session: ServerSession; selected: boolean }) {
  const { servers } = useApp();
  const status = useStatus(session);
  const asks = useClientRequests(session).length;
  return (
    <li className={`${styles.item} ${selected ? styles.selected : ''}`}>
      <button type="button" className={styles.select} aria-current={selected} onClick={() => servers.select(session.id)}>
        <span className={styles.name} title={session.name}>
          {session.name}
        </span>
        {/* Below the name, so that badges never take its room. */}
        <span className={styles.meta}>
          <span className={`phase ${status.phase}`}>{PHASE[status.phase]}</span>
          {asks > 0 && (
            // A server that waits on the person says so even when another one is shown.
            <span className={styles.asks} title="The server waits for your answer">
              asks {asks}
            </span>
          )}
        </span>
      </button>
      <button type="button" className="icon" aria-label={`Close ${session.name}`} title="Close" onClick={() => void servers.remove(session.id)}>
        ×
      </button>
    </li>
  );
}

export function ServerList() {
  const { servers } = useApp();
  const { sessions, selectedId } = useServers(servers);
  return (
    <nav className={styles.list} aria-label="Servers">
      <h2>Servers</h2>
      {sessions.length === 0 ? (
        <p className="muted">None loaded yet.</p>
      ) : (
        <ul>
          {sessions.map((s) => (
            <ServerItem key={s.id} session={s} selected={s.id === selectedId} />
          ))}
        </ul>
      )}
    </nav>
  );
}
