/** One saved call: what it sends, its latest result (pass, or fail with every reason; the answer on expand), and its actions. */
import { useState } from 'react';
import type { Call } from '../../../collections/format.js';
import { callName } from '../../../collections/propose.js';
import { toWire } from '../../../collections/request.js';
import type { CallResult } from '../../../collections/run.js';
import { JsonView } from '../../components/JsonView.js';
import { ms } from '../../format.js';
import { useApp } from '../../app-context.js';
import { CallEditor } from './CallEditor.js';

interface Props {
  collection: string;
  call: Call;
  result: CallResult | undefined;
  running: boolean;
  /** Re-runs this call alone; absent when no server is ready. */
  onRun?(): void;
}

export function CallRow({ collection, call, result, running, onRun }: Props) {
  const { collections } = useApp();
  const [editing, setEditing] = useState(false);
  const verdict = result === undefined ? 'not run' : result.passed ? 'pass' : 'fail';
  return (
    <li className={`saved-call ${verdict.replace(' ', '-')}`} aria-label={`Call ${call.name}`}>
      <div className="saved-call-head">
        <span className="verdict-badge" data-testid="call-verdict">
          {running ? 'running…' : verdict}
        </span>
        <strong>{call.name}</strong>
        <code className="muted">{callName(toWire(call.request))}</code>
        {result && <span className="muted">{ms(result.durationMs)}</span>}
        <span className="saved-call-actions">
          <button type="button" onClick={onRun} disabled={!onRun || running}>
            Run
          </button>
          <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
            Edit
          </button>
          <button type="button" onClick={() => collections.deleteCall(collection, call.name)}>
            Delete
          </button>
        </span>
      </div>
      {result && result.failures.length > 0 && (
        <ul className="failures" aria-label="Reasons">
          {result.failures.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {result && (
        <details>
          <summary>Answer</summary>
          <JsonView value={result.answer} label="Answer" />
        </details>
      )}
      {editing && <CallEditor collection={collection} call={call} onDone={() => setEditing(false)} />}
    </li>
  );
}
