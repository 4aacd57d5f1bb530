import type { ErrorInfo } from '../../session/outcome.js';

/** An error in words, with its code; role=alert so it is announced. */
export function ErrorBox({ error, title, onRetry }: { error: ErrorInfo; title?: string; onRetry?(): void }) {
  return (
    <div role="alert" className="error-box">
      {title && <strong>{title}: </strong>}
      {error.code !== undefined && <code className="code">{error.code}</code>} <span className="message">{error.message}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
