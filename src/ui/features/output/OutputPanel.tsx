/** The component's stdout and stderr, line by line. */
import { useMemo, useState } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { TimelineList } from '../../components/TimelineList.js';
import { useOutput } from '../../hooks/stores.js';
import timeline from '../../components/Timeline.module.css';
import styles from './OutputPanel.module.css';

export function OutputPanel({ session }: { session: ServerSession }) {
  const output = useOutput(session);
  const [stdout, setStdout] = useState(true);
  const [stderr, setStderr] = useState(true);
  const shown = useMemo(() => output.items.filter((e) => (e.stream === 'stdout' ? stdout : stderr)), [output, stdout, stderr]);
  return (
    <div className={timeline.timeline}>
      <div className="toolbar">
        <label>
          <input type="checkbox" checked={stdout} onChange={(e) => setStdout(e.target.checked)} /> stdout
        </label>
        <label>
          <input type="checkbox" checked={stderr} onChange={(e) => setStderr(e.target.checked)} /> stderr
        </label>
        <span className="muted">{shown.length} lines</span>
        <button type="button" onClick={() => session.output.clear()}>
          Clear output
        </button>
      </div>
      <TimelineList label="Component output" items={shown} rowHeight={22}>
        {(e) => (
          <>
            <span className={styles.stream}>{e.stream}</span>
            <span className={`${timeline.text} ${e.stream === 'stderr' ? styles.stderr : ''}`}>{e.text}</span>
          </>
        )}
      </TimelineList>
    </div>
  );
}
