import type { ReactNode } from 'react';
import type { ErrorInfo } from '../../session/outcome.js';

/** An error in words, with its code; role=alert so it is announced. `children` add detail inside it. */
export function ErrorBox({ error, title, onRetry, children }: { error: ErrorInfo; title?: string; onRetry?(): void; children?: ReactNode }) {
  return (
    <div role="alert" className="error-box">
      {title && <strong>{title}: </strong>}
      {error.code !== undefined && <code className="code">{error.code}</code>} <span className="message">{error.message}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
      {children}
    </div>
  );
}
