/**
 * The row under an elicitation, form or URL: its way to accept first (a submit
 * button, a link), then Decline and Cancel, which answer with the action alone;
 * then any hints.
 */
import type { ElicitResult } from '@modelcontextprotocol/client';
import type { ReactNode } from 'react';

interface Props {
  /** What accepts; absent when nothing can be accepted. */
  accept?: ReactNode;
  onAnswer(result: ElicitResult): void;
  /** Hints after the buttons. */
  children?: ReactNode;
}

export function ElicitActions({ accept, onAnswer, children }: Props) {
  return (
    <div className="actions">
      {accept}
      <button type="button" onClick={() => onAnswer({ action: 'decline' })}>
        Decline
      </button>
      <button type="button" onClick={() => onAnswer({ action: 'cancel' })}>
        Cancel
      </button>
      {children}
    </div>
  );
}
