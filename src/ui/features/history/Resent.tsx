/** The answer to a message re-sent from the History tab, shown under that message. */
import type { ServerSession } from '../../../session/server-session.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { JsonView } from '../../components/JsonView.js';
import { ms } from '../../format.js';
import { useResend } from '../../hooks/stores.js';

export function Resent({ session, seq }: { session: ServerSession; seq: number }) {
  const outcome = useResend(session);
  if (!outcome || outcome.label !== `re-send #${seq}`) return null;
  return (
    <section className="result" aria-label="Re-sent answer" aria-busy={outcome.pending}>
      <h3>Re-sent {outcome.pending ? '— waiting…' : `— ${ms(outcome.ms)}`}</h3>
      {outcome.error && <ErrorBox error={outcome.error} title="Send failed" />}
      {!outcome.pending && !outcome.error && (outcome.result === undefined ? <p>Notification sent.</p> : <JsonView value={outcome.result} label="Answer" />)}
    </section>
  );
}
