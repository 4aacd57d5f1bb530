/** "Save as collection…" in the History tab: the answered requests shown (all, or those the filter matches), with the observed answers as expectations. */
import { useState } from 'react';
import type { HistoryEntry } from '../../../session/entries.js';
import { historyCalls } from '../../../session/history-calls.js';
import type { ServerSession } from '../../../session/server-session.js';
import { useApp } from '../../app-context.js';
import { SaveForm, type Said } from './SaveForm.js';

interface Props {
  session: ServerSession;
  /** The entries the History tab shows. */
  entries: readonly HistoryEntry[];
  filtered: boolean;
}

export function SaveHistory({ session, entries, filtered }: Props) {
  const { collections } = useApp();
  const [name, setName] = useState('');
  const save = (): Said => {
    const calls = historyCalls(entries);
    if (calls.length === 0) return { ok: false, text: `No answered request ${filtered ? 'matches the filter' : 'in the history'}.` };
    const saved = collections.add({ version: 1, name: name.trim() || `${session.name} history`, calls });
    return { ok: true, text: `Saved ${calls.length} call${calls.length === 1 ? '' : 's'} as “${saved}” (see Collections).` };
  };
  return (
    <SaveForm
      opener="Save as collection…"
      openerDisabled={entries.length === 0}
      label="Save history as collection"
      submit={filtered ? 'Save matching calls' : 'Save all calls'}
      onOpen={() => setName(`${session.name} history`)}
      onSave={save}
    >
      <label>
        Collection name <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
    </SaveForm>
  );
}
