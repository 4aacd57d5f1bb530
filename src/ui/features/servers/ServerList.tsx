/** The loaded servers; each is its own worker, client and state. */
import type { ServerSession } from '../../../session/server-session.js';
import type { Phase } from '../../../session/status.js';
import { useApp } from '../../app-context.js';
import { useClientRequests, useServers, useStatus } from '../../hooks/stores.js';

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
    <li className={`server-item ${selected ? 'selected' : ''}`}>
      <button type="button" className="server-select" aria-current={selected} onClick={() => servers.select(session.id)}>
        <span className="server-name" title={session.name}>
          {session.name}
        </span>
        {asks > 0 && (
          // Issue #6: a server that waits on the person says so even when another one is shown.
          <span className="badge asks-badge" title="The server waits for your answer">
            asks {asks}
          </span>
        )}
        <span className={`phase ${status.phase}`}>{PHASE[status.phase]}</span>
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
    <nav className="server-list" aria-label="Servers">
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
