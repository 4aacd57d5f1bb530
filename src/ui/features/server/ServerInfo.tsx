/** Name, version, instructions, protocol version, capabilities and world of a ready server. */
import type { ServerSession } from '../../../session/server-session.js';
import type { ServerInfo as Info } from '../../../session/status.js';
import { JsonView } from '../../components/JsonView.js';
import { bytes } from '../../format.js';
import { EraSelect } from './EraSelect.js';
import styles from './ServerInfo.module.css';
import { WitView } from './WitView.js';
import { ItemIcon } from '../../components/ItemIcon.js';

export function ServerInfo({ session, info }: { session: ServerSession; info: Info }) {
  const impl = info.implementation;
  return (
    <div>
      <dl className={styles.facts}>
        <dt>Name</dt>
        <dd data-testid="server-name">
          <ItemIcon icons={impl?.icons} />
          {impl?.title ?? impl?.name ?? '—'}
        </dd>
        <dt>Version</dt>
        <dd>{impl?.version ?? '—'}</dd>
        <dt>Protocol version</dt>
        <dd data-testid="protocol-version">{info.protocolVersion ?? '—'}</dd>
        <dt>Speak</dt>
        <dd>
          <EraSelect session={session} />
        </dd>
        <dt>Source</dt>
        <dd>
          {session.origin}
          {session.bytes && ` (${bytes(session.bytes.length)})`}
        </dd>
        <dt>Request deadline</dt>
        <dd>{session.deadlineMs} ms</dd>
      </dl>
      {info.instructions && (
        <section aria-label="Instructions">
          <h3>Instructions</h3>
          <p className={styles.instructions}>{info.instructions}</p>
        </section>
      )}
      <div className={styles.columns}>
        <section aria-label="Capabilities">
          <h3>Capabilities</h3>
          <JsonView value={info.capabilities} />
        </section>
        {session.kind === 'component' && (
        <section aria-label="World">
          <h3>World</h3>
          <h4>Imports</h4>
          <ul className={styles.list}>
            {info.world.imports.map((i) => (
              <li key={i}>
                <code>{i}</code>
              </li>
            ))}
          </ul>
          <h4>Exports</h4>
          <ul className={styles.list}>
            {info.world.exports.map((e) => (
              <li key={e}>
                <code>{e}</code>
              </li>
            ))}
          </ul>
        </section>
        )}
      </div>
      {info.refused.length > 0 && (
        <section aria-label="Refused registrations">
          <h3>Refused registrations</h3>
          <p className="muted">The host refused these registrations while the component started; the component runs without them.</p>
          <ul className={styles.list}>
            {info.refused.map((why, i) => (
              <li key={i}>
                <code>{why}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      {session.kind === 'component' && <WitView session={session} />}
    </div>
  );
}
