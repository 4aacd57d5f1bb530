/** The last resources/read of a server: text shown, binary as image/audio and download. */
import type { ServerSession } from '../../../session/server-session.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { ResourceBody } from '../../components/ResourceBody.js';
import { ms } from '../../format.js';
import { useResourceRead } from '../../hooks/stores.js';

export function ReadResult({ session }: { session: ServerSession }) {
  const read = useResourceRead(session);
  if (!read) return null;
  return (
    <section className="result" aria-label="Resource contents" aria-busy={read.pending}>
      <h3>
        {read.label} {read.pending ? '— reading…' : `— ${ms(read.ms)}`}
      </h3>
      {read.error && <ErrorBox error={read.error} title="Read failed" />}
      {read.result?.contents.map((c, i) => (
        <div key={i} className="resource-contents">
          <div className="content-meta">
            <code>{c.uri}</code> {c.mimeType && <span className="muted">{c.mimeType}</span>}
          </div>
          <ResourceBody contents={c} />
        </div>
      ))}
    </section>
  );
}
