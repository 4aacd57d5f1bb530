/**
 * The requests a server is waiting on the person to answer, shown
 * above every tab of its workspace: the handler that asked is suspended until
 * they answer, so they must not have to go looking for it.
 */
import { useEffect, useRef } from 'react';
import type { PendingClientRequest } from '../../../session/client-requests.js';
import type { ServerSession } from '../../../session/server-session.js';
import { clock } from '../../format.js';
import { useClientRequests } from '../../hooks/stores.js';
import { ElicitationRequest } from './ElicitationRequest.js';
import { KIND_METHOD, KIND_TITLE } from './kinds.js';
import { SamplingRequest } from './SamplingRequest.js';
import { UrlRequest } from './UrlRequest.js';
import './client-requests.css';

function Request({ session, request, first }: { session: ServerSession; request: PendingClientRequest; first: boolean }) {
  const ref = useRef<HTMLElement>(null);
  // The first request takes the focus when it arrives, so that typing and Ctrl/Cmd+Enter answer it.
  useEffect(() => {
    if (first) ref.current?.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
  }, [first]);
  const idPrefix = `${session.id}-ask-${request.key}`;
  const store = session.clientRequests;
  return (
    <section ref={ref} className={`ask ${request.kind}`} aria-label={`${session.name} asks for ${KIND_TITLE[request.kind]}`}>
      <h3>
        {session.name} asks for {KIND_TITLE[request.kind]}
        <span className="muted">
          {' '}
          <code>{KIND_METHOD[request.kind]}</code> #{String(request.requestId)} at {clock(request.receivedAt)}
        </span>
      </h3>
      {request.kind === 'sampling' ? (
        <SamplingRequest
          params={request.params}
          idPrefix={idPrefix}
          onSend={(result) => store.answer(request.key, 'sampling', result)}
          onReject={() => store.reject(request.key, 'The user rejected the sampling request')}
        />
      ) : request.kind === 'url' ? (
        <UrlRequest params={request.params} onAnswer={(result) => store.answer(request.key, 'url', result)} />
      ) : (
        <ElicitationRequest params={request.params} idPrefix={idPrefix} onAnswer={(result) => store.answer(request.key, 'elicitation', result)} />
      )}
    </section>
  );
}

export function ClientRequests({ session }: { session: ServerSession }) {
  const requests = useClientRequests(session);
  if (requests.length === 0) return null;
  return (
    <div className="asks" role="region" aria-label="Requests from the server">
      {requests.map((r, i) => (
        <Request key={r.key} session={session} request={r} first={i === 0} />
      ))}
    </div>
  );
}
