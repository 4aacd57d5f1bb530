/**
 * "Save to collection…": names the request a panel is about to send and puts
 * it into an existing collection or a new one (typing a new name creates it).
 */
import { useId, useState } from 'react';
import type { CallRequest } from '../../../collections/format.js';
import { callName } from '../../../collections/propose.js';
import { toWire } from '../../../collections/request.js';
import { useApp } from '../../app-context.js';
import { useCollections } from '../../hooks/collections.js';
import { SaveForm, type Said } from './SaveForm.js';

export type Built = { ok: true; request: CallRequest } | { ok: false; problem: string };

interface Props {
  /** The request as the panel would send it now. */
  build(): Built;
}

export const DEFAULT_COLLECTION = 'Saved calls';

export function SaveCall({ build }: Props) {
  const { collections } = useApp();
  const names = useCollections(collections).collections.map((c) => c.name);
  const [name, setName] = useState('');
  const [collection, setCollection] = useState(names[0] ?? DEFAULT_COLLECTION);
  const listId = useId();
  const start = () => {
    const built = build();
    // Named like the history names it: `tools/call add`, `resources/read mem://greeting`.
    setName(built.ok ? callName(toWire(built.request)) : '');
  };
  const save = (): Said => {
    const built = build();
    if (!built.ok) return { ok: false, text: built.problem };
    if (!name.trim() || !collection.trim()) return { ok: false, text: 'A call and its collection need names.' };
    const saved = collections.saveCall(collection.trim(), { name: name.trim(), request: built.request });
    return { ok: true, text: `Saved as “${saved}” in ${collection.trim()}.` };
  };
  return (
    <span className="save-call">
      <SaveForm opener="Save to collection…" label="Save call" submit="Save call" onOpen={start} onSave={save}>
        <label>
          Call name <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Collection <input value={collection} list={listId} onChange={(e) => setCollection(e.target.value)} />
        </label>
        <datalist id={listId}>
          {names.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      </SaveForm>
    </span>
  );
}
