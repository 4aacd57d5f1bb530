/**
 * Log messages from the server. Choosing a level sends
 * logging/setLevel, so the server stops sending what is below it, and hides
 * lower entries already received.
 */
import type { LoggingLevel } from '@modelcontextprotocol/client';
import { LoggingLevelSchema } from '@modelcontextprotocol/core';
import { useMemo, useState } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { errorInfo, type ErrorInfo } from '../../../session/outcome.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { TimelineList } from '../../components/TimelineList.js';
import { oneLine } from '../../format.js';
import { useLogLevel, useLogs } from '../../hooks/stores.js';
import timeline from '../../components/Timeline.module.css';
import styles from './LogsPanel.module.css';

const LEVELS = LoggingLevelSchema.options;
const rank = (l: LoggingLevel) => LEVELS.indexOf(l);

export function LogsPanel({ session }: { session: ServerSession }) {
  const logs = useLogs(session);
  const level = useLogLevel(session);
  const [error, setError] = useState<ErrorInfo>();
  const shown = useMemo(() => (level ? logs.items.filter((e) => rank(e.level) >= rank(level)) : logs.items), [logs, level]);
  const choose = (next: LoggingLevel) => {
    setError(undefined);
    session.setLogLevel(next).catch((e: unknown) => setError(errorInfo(e)));
  };
  return (
    <div className={timeline.timeline}>
      <div className="toolbar">
        <label>
          Log level{' '}
          <select value={level ?? ''} onChange={(e) => choose(e.target.value as LoggingLevel)}>
            <option value="" disabled>
              (server default)
            </option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          {shown.length} of {logs.items.length} log messages
        </span>
        <button type="button" onClick={() => session.logs.clear()}>
          Clear logs
        </button>
      </div>
      {error && <ErrorBox error={error} title="logging/setLevel failed" />}
      <TimelineList label="Log messages" items={shown} rowHeight={24}>
        {(e) => (
          <>
            <span className={`${styles.level} ${styles[e.level]}`}>{e.level}</span>
            {e.logger && <span className={styles.logger}>{e.logger}</span>}
            <span className={timeline.text}>{oneLine(e.data, 500)}</span>
          </>
        )}
      </TimelineList>
    </div>
  );
}
