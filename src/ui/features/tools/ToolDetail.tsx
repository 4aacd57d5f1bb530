/**
 * One tool: its description, a form generated from its inputSchema and, side
 * by side, a Monaco JSON editor for the same arguments with the schema wired
 * in. Ctrl/Cmd+Enter calls the tool from either.
 */
import type { Tool } from '@modelcontextprotocol/client';
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { Editor } from '../../editor/index.js';
import { draftFromText, draftFromValue, type Draft } from '../../forms/draft.js';
import { initialValue, missingRequired, toField } from '../../forms/schema.js';
import { useProblems } from '../../hooks/problems.js';
import { useTheme } from '../../hooks/theme.js';
import { useToolCallOf } from '../../hooks/stores.js';
import { Visibility } from '../apps/Visibility.js';
import { SaveCall } from '../collections/SaveCall.js';
import { TaskToggle } from '../tasks/TaskToggle.js';
import { Hints } from './annotations.js';
import { SchemaForm } from './SchemaForm.js';
import styles from './ToolDetail.module.css';

export function ToolDetail({ session, tool }: { session: ServerSession; tool: Tool }) {
  const theme = useTheme();
  const field = useMemo(() => toField(tool.inputSchema), [tool.inputSchema]);
  const [draft, setDraft] = useState<Draft>(() => draftFromValue(initialValue(field)));
  const [problems, onProblem] = useProblems();
  const pending = useToolCallOf(session, tool.name)?.pending ?? false;
  const [asTask, setAsTask] = useState(false);
  const missing = missingRequired(field, draft.value);
  const blocked = draft.error !== undefined || problems.length > 0;
  const call = (current: Draft = draft) => {
    if (current.error || problems.length > 0) return;
    if (asTask) void session.tasks.run(tool.name, current.value);
    else void session.callTool(tool, current.value);
  };
  /** From the editor: its text at the moment of Ctrl/Cmd+Enter wins over state that may lag a keystroke. */
  const callWithText = (text: string) => {
    const next = draftFromText(draft, text);
    setDraft(next);
    call(next);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      call();
    }
  };
  return (
    <section className={styles.detail} aria-label={`Tool ${tool.name}`}>
      <header>
        <h3>
          {tool.title ?? tool.annotations?.title ?? tool.name} <code>{tool.name}</code> <Hints tool={tool} /> <Visibility tool={tool} />
        </h3>
        {tool.description && <p className="description">{tool.description}</p>}
      </header>
      <div className={styles.args}>
        <form className={styles.form} aria-label="Arguments form" onKeyDown={onKeyDown} onSubmit={(e) => (e.preventDefault(), call())} noValidate>
          <SchemaForm field={field} value={draft.value} onChange={(v) => setDraft(draftFromValue(v))} onProblem={onProblem} idPrefix={`${session.id}-${tool.name}`} />
        </form>
        <div className={styles.json}>
          <Editor
            modelUri={`inmemory://${session.id}/tools/${encodeURIComponent(tool.name)}.json`}
            value={draft.text}
            onChange={(text) => setDraft((d) => draftFromText(d, text))}
            onSubmit={callWithText}
            schema={tool.inputSchema}
            label="Arguments (JSON)"
            height={220}
            theme={theme}
          />
          {draft.error && (
            <p className="field-error" role="status">
              Not used: {draft.error}
            </p>
          )}
        </div>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => call()} disabled={blocked} aria-keyshortcuts="Control+Enter Meta+Enter">
          Call tool
        </button>
        <TaskToggle session={session} checked={asTask} onChange={setAsTask} />
        <SaveCall build={() => (draft.error ? { ok: false, problem: `Not saved: ${draft.error}` } : { ok: true, request: { kind: 'tool', name: tool.name, arguments: draft.value } })} />
        {pending && (
          <button type="button" onClick={() => session.cancelToolCall(tool.name)}>
            Cancel call
          </button>
        )}
        {problems.length > 0 && (
          <span className="field-error" role="status">
            {problems.join('; ')}
          </span>
        )}
        {missing.length > 0 && <span className="muted">Required but empty: {missing.join(', ')}</span>}
        <span className="muted kbd-hint">Ctrl/⌘+Enter</span>
      </div>
    </section>
  );
}
