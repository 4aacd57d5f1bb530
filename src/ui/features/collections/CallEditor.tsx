/** Edits one saved call: its name, its request and its expectations as JSON, checked by the collection parser before anything is kept. */
import { useState, type FormEvent } from 'react';
import type { Call } from '../../../collections/format.js';
import { useApp } from '../../app-context.js';

interface Props {
  collection: string;
  call: Call;
  onDone(): void;
}

const pretty = (value: unknown) => JSON.stringify(value ?? {}, null, 2);

function parseJson(label: string, text: string, problems: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    problems.push(`${label}: not JSON (${(e as Error).message})`);
    return undefined;
  }
}

export function CallEditor({ collection, call, onDone }: Props) {
  const { collections } = useApp();
  const [name, setName] = useState(call.name);
  const [request, setRequest] = useState(() => pretty(call.request));
  const [expect, setExpect] = useState(() => pretty(call.expect));
  const [problems, setProblems] = useState<string[]>([]);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const found: string[] = [];
    const parsedRequest = parseJson('request', request, found);
    const parsedExpect = expect.trim() === '' ? {} : parseJson('expectations', expect, found);
    if (found.length > 0) return setProblems(found);
    const next = { ...call, name, request: parsedRequest, expect: parsedExpect };
    const change = collections.replaceCall(collection, call.name, next);
    if (change.ok) onDone();
    else setProblems(change.problems);
  };
  return (
    <form className="call-editor" aria-label={`Edit call ${call.name}`} onSubmit={save}>
      <label>
        Name <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Request (JSON)
        <textarea value={request} onChange={(e) => setRequest(e.target.value)} rows={6} spellCheck={false} />
      </label>
      <label>
        Expectations (JSON)
        <textarea value={expect} onChange={(e) => setExpect(e.target.value)} rows={6} spellCheck={false} />
      </label>
      {problems.length > 0 && (
        <ul role="alert" className="error-box">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          Save changes
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
