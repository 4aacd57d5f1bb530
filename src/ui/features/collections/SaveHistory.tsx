/** "Save as collection…" in the History tab: the answered requests shown (all, or those the filter matches), with the observed answers as expectations. */
import { useState, type FormEvent } from 'react';
import type { HistoryEntry } from '../../../session/entries.js';
import { historyCalls } from '../../../session/history-calls.js';
import type { ServerSession } from '../../../session/server-session.js';
import { useApp } from '../../app-context.js';

interface Props {
  session: ServerSession;
  /** The entries the History tab shows. */
  entries: readonly HistoryEntry[];
  filtered: boolean;
}

export function SaveHistory({ session, entries, filtered }: Props) {
  const { collections } = useApp();
  const [name, setName] = useState<string>();
  const [said, setSaid] = useState<{ ok: boolean; text: string }>();
  const save = (event: FormEvent) => {
    event.preventDefault();
    const calls = historyCalls(entries);
    if (calls.length === 0) {
      setSaid({ ok: false, text: `No answered request ${filtered ? 'matches the filter' : 'in the history'}.` });
      return;
    }
    const saved = collections.add({ version: 1, name: name?.trim() || `${session.name} history`, calls });
    setSaid({ ok: true, text: `Saved ${calls.length} call${calls.length === 1 ? '' : 's'} as “${saved}” (see Collections).` });
    setName(undefined);
  };
  return (
    <>
      {name === undefined ? (
        <button type="button" onClick={() => (setSaid(undefined), setName(`${session.name} history`))} disabled={entries.length === 0}>
          Save as collection…
        </button>
      ) : (
        <form className="inline" aria-label="Save history as collection" onSubmit={save}>
          <label>
            Collection name <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className="primary">
            {filtered ? 'Save matching calls' : 'Save all calls'}
          </button>
          <button type="button" onClick={() => setName(undefined)}>
            Cancel
          </button>
        </form>
      )}
      {said && (
        <span role={said.ok ? 'status' : 'alert'} className={said.ok ? 'muted' : 'field-error'}>
          {said.text}
        </span>
      )}
    </>
  );
}
