/**
 * A URL-mode elicitation: the server asks the person to open a link (to sign in, to pay, ...).
 * The page shows the message, the whole URL and its host before anything opens; the link opens
 * only when the person chooses to, in a new tab that gets no reference to the page. Opening it
 * answers `accept`; Decline and Cancel send only the action.
 */
import type { ElicitRequestURLParams, ElicitResult } from '@modelcontextprotocol/client';
import { ElicitActions } from './ElicitActions.js';
import { checkLink } from './link.js';

interface Props {
  params: ElicitRequestURLParams;
  onAnswer(result: ElicitResult): void;
}

export function UrlRequest({ params, onAnswer }: Props) {
  const link = checkLink(params.url);
  return (
    <div className="ask-form">
      <p className="ask-message-text">{params.message}</p>
      {link.ok ? (
        <dl className="ask-link">
          <div>
            <dt>Site</dt>
            <dd>
              <strong data-testid="link-host">{link.host}</strong> ({link.protocol.replace(':', '')})
            </dd>
          </div>
          <div>
            <dt>Address</dt>
            <dd>
              <code className="ask-url">{link.href}</code>
            </dd>
          </div>
        </dl>
      ) : (
        <p className="field-error" role="alert">
          Not opened: {link.reason} (<code className="ask-url">{params.url}</code>)
        </p>
      )}
      <ElicitActions
        onAnswer={onAnswer}
        accept={
          link.ok && (
            <a className="ask-open" href={link.href} target="_blank" rel="noopener noreferrer" onClick={() => onAnswer({ action: 'accept' })}>
              Open in new tab
            </a>
          )
        }
      />
    </div>
  );
}
