/**
 * The roots the page offers this server, edited as a draft and saved at once: saving answers
 * the server's next roots request and, on a 2025 session, tells it the list changed.
 */
import type { Root } from '@modelcontextprotocol/client';
import { useState } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { rootProblem } from '../../../session/roots.js';
import { useRoots } from '../../hooks/stores.js';
import './roots.css';

/** A root as typed: an empty name is no name. */
const toRoot = ({ uri, name }: Root): Root => (name?.trim() ? { uri: uri.trim(), name: name.trim() } : { uri: uri.trim() });

export function RootsEditor({ session }: { session: ServerSession }) {
  const saved = useRoots(session);
  const [draft, setDraft] = useState<readonly Root[]>(() => saved);
  const edit = (i: number, change: Partial<Root>) => setDraft((d) => d.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const problems = draft.map((r) => rootProblem(toRoot(r)));
  const changed = JSON.stringify(draft.map(toRoot)) !== JSON.stringify(saved);
  const idPrefix = `${session.id}-root`;
  return (
    <section className="roots" aria-label="Roots">
      <h3>Roots</h3>
      <p className="muted">The directories this server may work in, answered to its roots requests (file:// URIs).</p>
      {draft.length === 0 && <p className="muted">No roots: the server is told the list is empty.</p>}
      <ol className="roots-list">
        {draft.map((root, i) => (
          <li key={i} className="roots-row">
            <label htmlFor={`${idPrefix}-${i}-uri`}>URI</label>
            <input id={`${idPrefix}-${i}-uri`} type="text" value={root.uri} placeholder="file:///path/to/dir" onChange={(e) => edit(i, { uri: e.target.value })} />
            <label htmlFor={`${idPrefix}-${i}-name`}>Name</label>
            <input id={`${idPrefix}-${i}-name`} type="text" value={root.name ?? ''} placeholder="optional" onChange={(e) => edit(i, { name: e.target.value })} />
            <button type="button" onClick={() => setDraft((d) => d.filter((_, j) => j !== i))} aria-label={`Remove root ${i + 1}`}>
              Remove
            </button>
            {problems[i] && <span className="field-error">{problems[i]}</span>}
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" onClick={() => setDraft((d) => [...d, { uri: 'file:///' }])}>
          Add root
        </button>
        <button type="button" className="primary" disabled={!changed || problems.some(Boolean)} onClick={() => session.roots.set(draft.map(toRoot))}>
          Save roots
        </button>
        {changed && <span className="muted">Not saved yet</span>}
      </div>
    </section>
  );
}
