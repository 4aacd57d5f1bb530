/** One prompt: its arguments (with server completions) and the messages it returns. */
import type { Prompt } from '@modelcontextprotocol/client';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { CompletionInput } from '../../components/CompletionInput.js';
import { SaveCall } from '../collections/SaveCall.js';

export function PromptDetail({ session, prompt }: { session: ServerSession; prompt: Prompt }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const missing = (prompt.arguments ?? []).filter((a) => a.required && !values[a.name]).map((a) => a.name);
  // Empty optional arguments are left out rather than sent as "".
  const args = () => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
  const get = () => void session.getPrompt(prompt.name, args());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    get();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      get();
    }
  };
  return (
    <section className="prompt-detail" aria-label={`Prompt ${prompt.name}`}>
      <h3>
        {prompt.title ?? prompt.name} <code>{prompt.name}</code>
      </h3>
      {prompt.description && <p className="description">{prompt.description}</p>}
      <form onSubmit={submit} onKeyDown={onKeyDown} aria-label="Prompt arguments" noValidate>
        {(prompt.arguments ?? []).map((a) => (
          <CompletionInput
            key={a.name}
            id={`${session.id}-prompt-${prompt.name}-${a.name}`}
            label={a.name}
            required={a.required}
            description={a.description}
            value={values[a.name] ?? ''}
            onChange={(v) => setValues((old) => ({ ...old, [a.name]: v }))}
            complete={(v) => session.complete({ type: 'ref/prompt', name: prompt.name }, a.name, v, values)}
          />
        ))}
        <div className="actions">
          <button type="submit" className="primary" aria-keyshortcuts="Control+Enter Meta+Enter">
            Get prompt
          </button>
          {missing.length > 0 && <span className="muted">Required but empty: {missing.join(', ')} (the server decides)</span>}
        </div>
      </form>
      <SaveCall build={() => ({ ok: true, request: { kind: 'prompt', name: prompt.name, arguments: args() } })} />
    </section>
  );
}
