/**
 * A raw JSON-RPC console: write any request or
 * notification in Monaco, have it checked, send it with Ctrl/Cmd+Enter, and
 * see the answer. It goes past the SDK Client on the same connection.
 */
import { useMemo, useState } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { JsonView } from '../../components/JsonView.js';
import { Editor } from '../../editor/index.js';
import { ms } from '../../format.js';
import { useConsoleSend } from '../../hooks/stores.js';
import { useTheme } from '../../hooks/theme.js';
import { SaveCall } from '../collections/SaveCall.js';
import { consoleRequest } from '../collections/console-request.js';
import { CONSOLE_TEMPLATES, consoleSchema, pretty } from './templates.js';
import { checkOutgoing, KNOWN_REQUESTS, nextId } from '../../../session/console-check.js';

export function ConsolePanel({ session }: { session: ServerSession }) {
  const theme = useTheme();
  const outcome = useConsoleSend(session);
  const [text, setText] = useState(() => pretty(CONSOLE_TEMPLATES['tools/list']('console-1')));
  const [problem, setProblem] = useState<string>();
  const [note, setNote] = useState<string>();
  const schema = useMemo(() => consoleSchema(KNOWN_REQUESTS), []);

  const send = (current = text) => {
    const checked = checkOutgoing(current, (id) => session.isInFlight(id));
    if (!checked.ok) {
      setProblem(checked.error);
      setNote(undefined);
      return;
    }
    setProblem(undefined);
    setNote(checked.note);
    void session.sendRaw(checked.message);
    const next = 'id' in checked.message ? nextId(checked.message.id) : undefined;
    if (next) setText(pretty({ ...checked.message, id: next }));
  };
  const insert = (name: string) => {
    const make = CONSOLE_TEMPLATES[name];
    if (!make) return;
    const current = /"id"\s*:\s*"(console-\d+)"/.exec(text)?.[1] ?? 'console-1';
    setText(pretty(make(current)));
  };

  return (
    <div className="console">
      <div className="toolbar">
        <label>
          Insert example{' '}
          <select value="" onChange={(e) => insert(e.target.value)}>
            <option value="">Choose…</option>
            {Object.keys(CONSOLE_TEMPLATES).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => send()} aria-keyshortcuts="Control+Enter Meta+Enter">
          Send
        </button>
        <span className="muted kbd-hint">Ctrl/⌘+Enter</span>
        <SaveCall build={() => consoleRequest(text)} />
      </div>
      <Editor modelUri={`inmemory://${session.id}/console.json`} value={text} onChange={setText} onSubmit={send} schema={schema} label="JSON-RPC message" height={220} theme={theme} />
      {problem && (
        <div role="alert" className="error-box">
          <strong>Not sent: </strong>
          {problem}
        </div>
      )}
      {note && <p className="muted">{note}</p>}
      {outcome && (
        <section className="result" aria-label="Console response" aria-busy={outcome.pending}>
          <h3>
            {outcome.label} {outcome.pending ? '— waiting…' : `— ${ms(outcome.ms)}`}
          </h3>
          {outcome.error && <ErrorBox error={outcome.error} title="Send failed" />}
          {!outcome.pending && !outcome.error && (outcome.result === undefined ? <p>Notification sent.</p> : <JsonView value={outcome.result} label="Response" />)}
        </section>
      )}
    </div>
  );
}
