/**
 * An elicitation request: the server's message and a form made
 * from its requestedSchema. Accept sends the form's content; Decline and
 * Cancel send only the action. Ctrl/Cmd+Enter accepts.
 */
import type { ElicitRequestFormParams, ElicitResult } from '@modelcontextprotocol/client';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useProblems } from '../../hooks/problems.js';
import { SchemaForm } from '../tools/SchemaForm.js';
import { ElicitActions } from './ElicitActions.js';
import { acceptedContent, elicitationField, initialAnswer } from './elicitation.js';

interface Props {
  params: ElicitRequestFormParams;
  idPrefix: string;
  onAnswer(result: ElicitResult): void;
}

export function ElicitationRequest({ params, idPrefix, onAnswer }: Props) {
  const field = useMemo(() => elicitationField(params), [params]);
  const [value, setValue] = useState(() => initialAnswer(field));
  const [problems, onProblem] = useProblems();
  const checked = problems.length ? { problems } : acceptedContent(field, value);
  const accept = () => {
    if ('content' in checked) onAnswer({ action: 'accept', content: checked.content });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      accept();
    }
  };
  const empty = field.kind === 'object' && field.fields.length === 0;
  return (
    <form className="ask-form" aria-label="Answer" onKeyDown={onKeyDown} onSubmit={(e) => (e.preventDefault(), accept())} noValidate>
      <p className="ask-message-text">{params.message}</p>
      {empty ? (
        <p className="muted">The server asks for no fields: accept, decline or cancel.</p>
      ) : (
        <SchemaForm field={field} value={value} onChange={(v) => setValue(v as Record<string, unknown>)} onProblem={onProblem} idPrefix={idPrefix} />
      )}
      <ElicitActions
        onAnswer={onAnswer}
        accept={
          <button type="submit" className="primary" disabled={!('content' in checked)} aria-keyshortcuts="Control+Enter Meta+Enter">
            Accept
          </button>
        }
      >
        {'problems' in checked && <span className="muted">{checked.problems.join('; ')}</span>}
        <span className="muted kbd-hint">Ctrl/⌘+Enter accepts</span>
      </ElicitActions>
    </form>
  );
}
