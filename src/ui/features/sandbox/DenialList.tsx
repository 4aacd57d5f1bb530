/** What the component asked for and was refused, newest last. */
import { DENIAL_LABELS } from '../../../session/sandbox.js';
import type { ServerSession } from '../../../session/server-session.js';
import { clock } from '../../format.js';
import { useDenials } from '../../hooks/stores.js';
import timeline from '../../components/Timeline.module.css';

export function DenialList({ session }: { session: ServerSession }) {
  const { items, total } = useDenials(session);
  return (
    <section aria-label="Denied" className="denials">
      <h3>Denied {total > 0 && <span className="badge">{total}</span>}</h3>
      {items.length === 0 ? (
        <p className="muted">Nothing denied so far. A request for something not granted fails inside the component and is listed here.</p>
      ) : (
        <ul className="plain-list">
          {items.map((d) => (
            <li key={d.seq} className="denial">
              <span className={timeline.time}>{clock(d.time)}</span> {DENIAL_LABELS[d.capability]} to <code>{d.detail}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
