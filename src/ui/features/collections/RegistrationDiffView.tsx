/** What changed in what a server registered: per list, the items added, removed and changed (with the fields that changed). */
import { LISTS, sameRegistration, type ListDiff, type RegistrationDiff } from '../../../collections/diff.js';

const LABELS: Record<(typeof LISTS)[number], string> = {
  tools: 'Tools',
  resources: 'Resources',
  resourceTemplates: 'Resource templates',
  prompts: 'Prompts',
};

function ListChanges({ label, diff }: { label: string; diff: ListDiff }) {
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) return null;
  return (
    <section aria-label={`${label} changes`}>
      <h4>{label}</h4>
      <ul className="registration-changes">
        {diff.added.map((k) => (
          <li key={`+${k}`} className="added">
            added <code>{k}</code>
          </li>
        ))}
        {diff.removed.map((k) => (
          <li key={`-${k}`} className="removed">
            removed <code>{k}</code>
          </li>
        ))}
        {diff.changed.map((c) => (
          <li key={`~${c.key}`} className="changed">
            changed <code>{c.key}</code>: {c.fields.map((f) => (f.paths.length > 0 ? `${f.field} (${f.paths.join(', ')})` : f.field)).join('; ')}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RegistrationDiffView({ diff }: { diff: RegistrationDiff }) {
  if (sameRegistration(diff)) return <p role="status">Both versions registered the same things.</p>;
  return (
    <div className="registration-diff" aria-label="Registration changes">
      {diff.server.length > 0 && (
        <p>
          Server: {diff.server.map((f) => (f.paths.length > 0 ? `${f.field} (${f.paths.join(', ')})` : f.field)).join('; ')}
        </p>
      )}
      {LISTS.map((list) => (
        <ListChanges key={list} label={LABELS[list]} diff={diff[list]} />
      ))}
    </div>
  );
}
