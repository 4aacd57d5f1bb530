/**
 * The grants and limits of one server, editable. Applying
 * restarts the component with them; the session initializes again and the
 * lists reload, while history and logs stay.
 */
import { useState } from 'react';
import { readDraft, toDraft, DEADLINE_RANGE_MS, MEMORY_RANGE_MIB, type SandboxDraft } from '../../../session/sandbox-draft.js';
import type { ServerSession } from '../../../session/server-session.js';
import { useSandboxConfig, useSandboxDraft, useStatus } from '../../hooks/stores.js';
import { FilesField } from './FilesField.js';

function same(a: SandboxDraft, b: SandboxDraft): boolean {
  const { files: fa, ...ta } = a;
  const { files: fb, ...tb } = b;
  return fa === fb && JSON.stringify(ta) === JSON.stringify(tb);
}

export function SandboxForm({ session }: { session: ServerSession }) {
  const { sandbox } = session;
  const applied = useSandboxConfig(session);
  const phase = useStatus(session).phase;
  const draft = useSandboxDraft(session) ?? toDraft(applied);
  const [errors, setErrors] = useState<string[]>([]);
  const change = (patch: Partial<SandboxDraft>) => sandbox.draft.update((d) => ({ ...(d ?? toDraft(sandbox.config.value)), ...patch }));
  const changed = !same(draft, toDraft(applied));
  const id = `${session.id}-sandbox`;
  const apply = () => {
    const reading = readDraft(draft);
    setErrors(reading.errors ?? []);
    if (!reading.config) return;
    sandbox.draft.set(undefined);
    void session.applySandbox(reading.config);
  };
  const discard = () => {
    sandbox.draft.set(undefined);
    setErrors([]);
  };
  return (
    <form className="sandbox-form" aria-label="Grants and limits" onSubmit={(e) => (e.preventDefault(), apply())} noValidate>
      <fieldset className="sandbox-group">
        <legend>Environment</legend>
        <label htmlFor={`${id}-env`}>Environment variables</label>
        <textarea id={`${id}-env`} rows={4} value={draft.envText} placeholder="NAME=value, one per line" spellCheck={false} onChange={(e) => change({ envText: e.target.value })} />
      </fieldset>
      <FilesField
        dirPath={draft.dirPath}
        files={draft.files}
        onDirPath={(dirPath) => change({ dirPath })}
        onFiles={(files) => change({ files })}
        idPrefix={id}
      />
      <fieldset className="sandbox-group">
        <legend>Network</legend>
        <label htmlFor={`${id}-origins`}>Allowed HTTP origins</label>
        <textarea
          id={`${id}-origins`}
          rows={3}
          value={draft.originsText}
          placeholder={'https://example.com, one per line; * for any'}
          spellCheck={false}
          onChange={(e) => change({ originsText: e.target.value })}
        />
      </fieldset>
      <fieldset className="sandbox-group">
        <legend>Limits</legend>
        <label>
          Deadline per call (ms){' '}
          <input type="number" className="narrow" min={DEADLINE_RANGE_MS.min} max={DEADLINE_RANGE_MS.max} step={500} value={draft.deadlineMs} onChange={(e) => change({ deadlineMs: e.target.value })} />
        </label>
        <label>
          Memory limit (MiB){' '}
          <input type="number" className="narrow" min={MEMORY_RANGE_MIB.min} max={MEMORY_RANGE_MIB.max} step={16} value={draft.memoryLimitMiB} onChange={(e) => change({ memoryLimitMiB: e.target.value })} />
        </label>
      </fieldset>
      {errors.length > 0 && (
        <ul role="alert" className="error-box">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={!changed || phase === 'loading' || phase === 'restarting'}>
          Apply and restart
        </button>
        <button type="button" disabled={!changed} onClick={discard}>
          Discard changes
        </button>
        {changed && <span className="muted">Not applied yet.</span>}
      </div>
    </form>
  );
}
