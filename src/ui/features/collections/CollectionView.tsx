/** One collection: run it as a whole on the server shown, export it as a collection file, or delete it; its calls below. */
import type { Collection } from '../../../collections/format.js';
import type { ServerSession } from '../../../session/server-session.js';
import { useApp } from '../../app-context.js';
import { useCollectionRuns } from '../../hooks/collections.js';
import { download } from '../history/export.js';
import { CallRow } from './CallRow.js';

interface Props {
  collection: Collection;
  /** The server runs go to; absent while it is not ready. */
  session: ServerSession | undefined;
}

const fileName = (name: string) => `${name.replace(/[^\w.-]+/g, '-')}.collection.json`;

export function CollectionView({ collection, session }: Props) {
  const { collections, collectionRuns } = useApp();
  const latest = useCollectionRuns(collectionRuns).get(collection.name);
  const results = latest ? collection.calls.flatMap((c) => latest.results[c.name] ?? []) : [];
  const failed = results.filter((r) => !r.passed).length;
  const busy = (latest?.running.length ?? 0) > 0;
  const run = (only?: string) => session && void collectionRuns.run(session, collection, only);
  return (
    <section className="collection" aria-label={`Collection ${collection.name}`}>
      <header className="toolbar">
        <h3>{collection.name}</h3>
        <span className="muted">
          {collection.calls.length} call{collection.calls.length === 1 ? '' : 's'}
        </span>
        <button type="button" className="primary" onClick={() => run()} disabled={!session || busy}>
          Run collection
        </button>
        <button type="button" onClick={() => download(fileName(collection.name), `${JSON.stringify(collection, null, 2)}\n`, 'application/json')}>
          Export
        </button>
        <button type="button" onClick={() => collections.remove(collection.name)}>
          Delete collection
        </button>
        {!busy && results.length > 0 && (
          <span role="status" data-testid="run-summary">
            on {latest?.server}: {results.length - failed} passed, {failed} failed
          </span>
        )}
      </header>
      {latest?.error && (
        <p role="alert" className="error-box">
          The run stopped: {latest.error}
        </p>
      )}
      <ul className="saved-calls">
        {collection.calls.map((call) => (
          <CallRow
            key={call.name}
            collection={collection.name}
            call={call}
            result={latest?.results[call.name]}
            running={latest?.running.includes(call.name) ?? false}
            {...(session ? { onRun: () => run(call.name) } : {})}
          />
        ))}
      </ul>
    </section>
  );
}
