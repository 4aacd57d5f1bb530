/**
 * The last call of one tool: while it runs, its time against the deadline and
 * what it waits for; then content by type, isError, the structured-content
 * verdict, and the result as JSON to copy or read raw.
 */
import { useState } from 'react';
import type { Outcome } from '../../../session/outcome.js';
import type { ServerSession, ToolCall } from '../../../session/server-session.js';
import { ContentBlocks } from '../../components/ContentBlocks.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { JsonView } from '../../components/JsonView.js';
import { ProgressLine } from '../../components/Progress.js';
import { ResourceBody } from '../../components/ResourceBody.js';
import { ms } from '../../format.js';
import { useNow } from '../../hooks/now.js';
import { useResourceRead, useRunningCalls, useToolCallOf } from '../../hooks/stores.js';
import { WaitingBanner } from '../client-requests/WaitingBanner.js';
import { CallError } from './CallError.js';
import styles from './ToolResult.module.css';

function LinkedResource({ session, uri }: { session: ServerSession; uri: string }) {
  const read = useResourceRead(session);
  if (!read || read.label !== `resources/read ${uri}`) return null;
  return (
    <section className={styles.linked} aria-label={`Resource ${uri}`}>
      <h4>Resource {uri}</h4>
      {read.pending && <p className="muted">Reading…</p>}
      {read.error && <ErrorBox error={read.error} title="Read failed" />}
      {read.result?.contents.map((c, i) => <ResourceBody key={i} contents={c} />)}
    </section>
  );
}

const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

/** How long the call has run, against the deadline, and which earlier call it waits behind. */
function Running({ session, tool, outcome }: { session: ServerSession; tool: string; outcome: Outcome<ToolCall> }) {
  const now = useNow(true, 200) - performance.timeOrigin;
  const waitingFor = session.toolCalls.waitingFor(useRunningCalls(session), tool);
  const deadline = session.deadlineMs;
  return (
    <>
      {waitingFor && (
        <p className={styles.queued} role="status">
          Waiting for the call to {waitingFor} to finish: the component answers one call at a time.
        </p>
      )}
      <p className={styles.clock}>
        Running for {seconds(Math.max(0, now - outcome.startedAt))} of the {Number.isInteger(deadline / 1000) ? deadline / 1000 : (deadline / 1000).toFixed(1)} s
        deadline
      </p>
    </>
  );
}

export function ToolResult({ session, tool }: { session: ServerSession; tool: string }) {
  const outcome = useToolCallOf(session, tool);
  // The resource opened from a link belongs to the result it was in: a later call drops it.
  const [opened, setOpened] = useState<{ seq: number; uri: string }>();
  const [raw, setRaw] = useState(false);
  if (!outcome) return null;
  const open = (uri: string) => {
    setOpened({ seq: outcome.seq, uri });
    void session.readResource(uri);
  };
  const result = outcome.result?.result;
  const verdict = outcome.result?.verdict;
  return (
    <section className={styles.result} aria-label="Tool result" aria-busy={outcome.pending}>
      <div className={styles.head}>
        <h3>
          {outcome.label} {outcome.pending ? '— running…' : `— ${ms(outcome.ms)}`}
        </h3>
        {result && (
          <div className={styles.tools}>
            <CopyButton text={JSON.stringify(result, null, 2)} label="Copy as JSON" />
            <button type="button" aria-pressed={raw} onClick={() => setRaw(!raw)}>
              Raw
            </button>
          </div>
        )}
      </div>
      {outcome.pending && <Running session={session} tool={tool} outcome={outcome} />}
      {outcome.pending && <WaitingBanner session={session} />}
      {(outcome.pending || outcome.progress) && <ProgressLine progress={outcome.progress} label={`Progress of ${outcome.label}`} />}
      {outcome.error && <CallError error={outcome.error} />}
      {result && raw && <JsonView value={result} label="Raw result" />}
      {result && !raw && (
        <div className={result.isError ? styles.toolError : undefined} role={result.isError ? 'alert' : undefined}>
          {result.isError && <p className={styles.toolErrorTitle}>The tool reported an error (isError: true)</p>}
          <ContentBlocks blocks={result.content} onOpenLink={open} />
        </div>
      )}
      {!raw && result?.structuredContent !== undefined && (
        <section className={styles.structured} aria-label="Structured content">
          <h4>Structured content</h4>
          <JsonView value={result.structuredContent} />
        </section>
      )}
      {verdict && (
        <p className={`${styles.verdict} ${verdict.valid ? styles.valid : styles.invalid}`} role="status">
          {verdict.valid ? '✓ ' : '✗ '}
          {verdict.message}
        </p>
      )}
      {opened?.seq === outcome.seq && <LinkedResource session={session} uri={opened.uri} />}
    </section>
  );
}
