/** The outcome of the last tool call: progress while pending, then content by type, isError, and the structured-content verdict. */
import { useState } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { ContentBlocks } from '../../components/ContentBlocks.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { JsonView } from '../../components/JsonView.js';
import { ProgressLine } from '../../components/Progress.js';
import { ResourceBody } from '../../components/ResourceBody.js';
import { ms } from '../../format.js';
import { useResourceRead, useToolCall } from '../../hooks/stores.js';
import { WaitingBanner } from '../client-requests/WaitingBanner.js';

function LinkedResource({ session, uri }: { session: ServerSession; uri: string }) {
  const read = useResourceRead(session);
  if (!read || read.label !== `resources/read ${uri}`) return null;
  return (
    <section className="linked" aria-label={`Resource ${uri}`}>
      <h4>Resource {uri}</h4>
      {read.pending && <p className="muted">Reading…</p>}
      {read.error && <ErrorBox error={read.error} title="Read failed" />}
      {read.result?.contents.map((c, i) => <ResourceBody key={i} contents={c} />)}
    </section>
  );
}

export function ToolResult({ session }: { session: ServerSession }) {
  const outcome = useToolCall(session);
  const [opened, setOpened] = useState<string>();
  if (!outcome) return null;
  const open = (uri: string) => {
    setOpened(uri);
    void session.readResource(uri);
  };
  const result = outcome.result?.result;
  const verdict = outcome.result?.verdict;
  return (
    <section className="result" aria-label="Tool result" aria-busy={outcome.pending}>
      <h3>
        {outcome.label} {outcome.pending ? '— running…' : `— ${ms(outcome.ms)}`}
      </h3>
      {outcome.pending && <WaitingBanner session={session} />}
      {(outcome.pending || outcome.progress) && <ProgressLine progress={outcome.progress} label={`Progress of ${outcome.label}`} />}
      {outcome.error && <ErrorBox error={outcome.error} title="Call failed" />}
      {result && (
        <div className={result.isError ? 'tool-error' : 'tool-ok'} role={result.isError ? 'alert' : undefined}>
          {result.isError && <p className="tool-error-title">The tool reported an error (isError: true)</p>}
          <ContentBlocks blocks={result.content} onOpenLink={open} />
        </div>
      )}
      {result?.structuredContent !== undefined && (
        <div className="structured">
          <h4>Structured content</h4>
          <JsonView value={result.structuredContent} />
        </div>
      )}
      {verdict && (
        <p className={`verdict ${verdict.valid ? 'valid' : 'invalid'}`} role="status">
          {verdict.valid ? '✓ ' : '✗ '}
          {verdict.message}
        </p>
      )}
      {opened && <LinkedResource session={session} uri={opened} />}
    </section>
  );
}
