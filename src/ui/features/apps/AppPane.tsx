/**
 * The view of an MCP App (docs/apps.md): when the latest tool call's tool
 * names a `ui://` resource and is still the selected tool, its view runs
 * here, below the result. Selecting another tool, calling again or Close
 * tears the view down; so does leaving the panel, without waiting.
 */
import { useEffect, useRef, useState } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { useAppStatus, useToolCallOf, useToolInput } from '../../hooks/stores.js';
import { useTheme } from '../../hooks/theme.js';
import { AppFrames } from './app-frames.js';
import './apps.css';

const PHASE = { loading: 'loading…', running: 'running', failed: 'failed' } as const;

export function AppPane({ session, selected }: { session: ServerSession; selected: string | undefined }) {
  const input = useToolInput(session);
  // The selected tool's own calls: another tool's call (numbered by its own store) is no business of this view.
  const outcome = useToolCallOf(session, selected ?? '');
  const theme = useTheme();
  const host = useRef<HTMLDivElement>(null);
  const [frames] = useState(() => new AppFrames());
  const status = useAppStatus(frames.status);
  const shown = input?.tool.name === selected ? input : undefined;
  const seq = shown?.seq;

  // Only a new call (or another tool) changes the view; a new theme reaches the next one.
  useEffect(() => {
    frames.show(session, shown, host.current!, { theme }, shown ? 'the tool was called again' : 'another tool was selected');
  }, [frames, session, seq]);

  useEffect(() => {
    if (seq === undefined || outcome?.seq !== seq || outcome.pending) return;
    frames.settle(seq, outcome.result ? { result: outcome.result.result } : { cancelled: outcome.error?.message ?? 'the call failed' });
  }, [frames, seq, outcome]);

  useEffect(() => () => frames.dispose('the view left the page'), [frames]);

  return (
    <section className="app-pane" aria-label="App" hidden={!status}>
      {status && (
        <header>
          <h4>
            App <code>{status.uri}</code> <span className="muted">{PHASE[status.phase]}</span>
          </h4>
          <button type="button" onClick={() => frames.close('closed from the playground')}>
            Close app
          </button>
        </header>
      )}
      {status?.error && <ErrorBox error={{ message: status.error }} title="The app could not run" />}
      {status && status.ignored.length > 0 && <p className="muted">Not allowed, so ignored: {status.ignored.join(', ')}</p>}
      <div ref={host} className="app-host" />
    </section>
  );
}
