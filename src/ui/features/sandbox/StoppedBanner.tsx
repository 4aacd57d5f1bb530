/**
 * A ready server whose component stopped for good: the supervisor gave up
 * after a crash loop, or a restart with new settings failed;
 * or a remote server that could not be connected to again.
 * Says so and offers a restart by hand; everything already shown stays.
 */
import type { ErrorReport } from '../../../host/errors.js';
import type { ServerSession } from '../../../session/server-session.js';

export function StoppedBanner({ session, error }: { session: ServerSession; error: ErrorReport }) {
  const remote = session.kind === 'remote';
  const title = error.code === 'CRASH_LOOP' ? 'Restarts stopped' : remote ? 'The connection stopped' : 'The component stopped';
  return (
    <div role="alert" className="error-box stopped">
      <strong>{title}: </strong>
      <code className="code">{error.code}</code> <span className="message">{error.message}</span>{' '}
      <button type="button" onClick={() => void session.restart(remote ? 'reconnected by hand' : 'restarted by hand')}>
        {remote ? 'Reconnect' : 'Restart component'}
      </button>
    </div>
  );
}
