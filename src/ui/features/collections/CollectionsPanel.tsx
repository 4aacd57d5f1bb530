/**
 * The Collections tab: every saved collection with its calls, run against the
 * server shown, and collection files imported and exported (docs/collections.md).
 */
import { useState, type ChangeEvent } from 'react';
import { parseCollection } from '../../../collections/format.js';
import type { ServerSession } from '../../../session/server-session.js';
import { useApp } from '../../app-context.js';
import { useCollections } from '../../hooks/collections.js';
import { useStatus } from '../../hooks/stores.js';
import { CollectionView } from './CollectionView.js';
import './collections.css';

export function CollectionsPanel({ session }: { session: ServerSession }) {
  const { collections } = useApp();
  const { collections: list, problems } = useCollections(collections);
  const ready = useStatus(session).phase === 'ready';
  const [imported, setImported] = useState<{ ok: boolean; lines: string[] }>();
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const parsed = parseCollection(await file.text());
    if (!parsed.ok) return setImported({ ok: false, lines: [`${file.name} is not a valid collection:`, ...parsed.problems] });
    setImported({ ok: true, lines: [`Imported ${file.name} as “${collections.add(parsed.collection)}”.`] });
  };
  return (
    <div className="collections">
      <div className="toolbar">
        <label className="file-button">
          Import collection…
          <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
        </label>
        {!ready && <span className="muted">Runs wait until {session.name} is ready.</span>}
      </div>
      {imported && (
        <ul role={imported.ok ? 'status' : 'alert'} className={imported.ok ? 'muted' : 'error-box'}>
          {imported.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <ul role="alert" className="error-box" aria-label="Saved collections not read">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {list.length === 0 && (
        <p className="muted">
          No collections yet. Save a call with “Save to collection…” in Tools, Resources, Prompts or Console, or save the History as a collection.
        </p>
      )}
      {list.map((c) => (
        <CollectionView key={c.name} collection={c} session={ready ? session : undefined} />
      ))}
    </div>
  );
}
