/** Said on a pending call while its server waits for the person: the call is not stuck, it waits for them. */
import type { ServerSession } from '../../../session/server-session.js';
import { useClientRequests } from '../../hooks/stores.js';
import { KIND_TITLE } from './kinds.js';

export function WaitingBanner({ session }: { session: ServerSession }) {
  const requests = useClientRequests(session);
  if (requests.length === 0) return null;
  const asks = [...new Set(requests.map((r) => KIND_TITLE[r.kind]))].join(' and ');
  return (
    <p className="waiting-banner" role="status">
      The server asks for {asks}: answer it above; the call waits for you.
    </p>
  );
}
