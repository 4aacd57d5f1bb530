/** One static resource: read it, subscribe to it, and count the updates that arrive. */
import type { Resource } from '@modelcontextprotocol/client';
import { useState } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { errorInfo, type ErrorInfo } from '../../../session/outcome.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { SaveCall } from '../collections/SaveCall.js';
import { useResourceUpdates, useStatus, useSubscriptions } from '../../hooks/stores.js';

export function ResourceDetail({ session, resource }: { session: ServerSession; resource: Resource }) {
  const canSubscribe = useStatus(session).info?.capabilities.resources?.subscribe === true;
  const subscribed = useSubscriptions(session).has(resource.uri);
  const updates = useResourceUpdates(session)[resource.uri] ?? 0;
  const [error, setError] = useState<ErrorInfo>();
  const toggle = () => {
    setError(undefined);
    session.setSubscribed(resource.uri, !subscribed).catch((e: unknown) => setError(errorInfo(e)));
  };
  return (
    <section className="resource-detail" aria-label={`Resource ${resource.uri}`}>
      <h3>
        {resource.title ?? resource.name} <code>{resource.uri}</code>
      </h3>
      {resource.description && <p className="description">{resource.description}</p>}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void session.readResource(resource.uri)}>
          Read resource
        </button>
        <SaveCall build={() => ({ ok: true, request: { kind: 'resource', uri: resource.uri } })} />
        {canSubscribe && (
          <button type="button" aria-pressed={subscribed} onClick={toggle}>
            {subscribed ? 'Unsubscribe' : 'Subscribe'}
          </button>
        )}
        {subscribed && (
          <span role="status" className="updates">
            {updates} update{updates === 1 ? '' : 's'} received
          </span>
        )}
      </div>
      {error && <ErrorBox error={error} title="Subscription failed" />}
    </section>
  );
}
