/** Runs a chosen collection on both versions and lists the calls whose answers differ, with where and both answers. */
import { useState } from 'react';
import type { NextVersion } from '../../../session/next-versions.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { JsonView } from '../../components/JsonView.js';
import { useApp } from '../../app-context.js';
import { useCollections, useOutcome } from '../../hooks/collections.js';

export function AnswersCompare({ version, ready }: { version: NextVersion; ready: boolean }) {
  const { collections } = useApp();
  const list = useCollections(collections).collections;
  const outcome = useOutcome(version.answers);
  const [choice, setChoice] = useState<string>();
  const chosen = list.find((c) => c.name === choice) ?? list[0];
  const compared = outcome?.result;
  return (
    <section className="answers-compare" aria-label="Answers compared">
      <h3>Answers</h3>
      {list.length === 0 ? (
        <p className="muted">Save a collection first (Collections tab).</p>
      ) : (
        <div className="toolbar">
          <label>
            Collection{' '}
            <select value={chosen?.name ?? ''} onChange={(e) => setChoice(e.target.value)}>
              {list.map((c) => (
                <option key={c.name}>{c.name}</option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" disabled={!ready || !chosen || outcome?.pending} onClick={() => chosen && void version.compareAnswers(chosen)}>
            Run on both
          </button>
          {outcome?.pending && <span className="muted">Running {outcome.label} on both…</span>}
        </div>
      )}
      {outcome?.error && <ErrorBox error={outcome.error} title="The comparison stopped" />}
      {compared && !outcome.pending && (
        <>
          <p role="status" data-testid="answers-summary">
            {compared.collection}: {compared.diffs.length} of {compared.calls} answers differ
          </p>
          <ul className="answer-diffs">
            {compared.diffs.map((d) => (
              <li key={d.name} aria-label={`Answer ${d.name}`}>
                <strong>{d.name}</strong> differs at {d.paths.map((p) => p || '(whole answer)').join(', ')}
                <details>
                  <summary>Both answers</summary>
                  <div className="answer-pair">
                    <JsonView value={d.old} label="Current version's answer" />
                    <JsonView value={d.new} label="Next version's answer" />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
