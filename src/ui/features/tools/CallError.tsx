/**
 * A failed call, with the last lines the component wrote to stderr when the
 * failure carries them (a trap does), and a way to the Output tab where all
 * of its output is.
 */
import type { ErrorInfo } from '../../../session/outcome.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { useShowDock } from '../workspace/dock-nav.js';
import styles from './CallError.module.css';

const TAIL_LINES = 6;

function stderrOf(error: ErrorInfo): string[] {
  const data = error.data as { stderr?: unknown } | undefined;
  if (typeof data?.stderr !== 'string') return [];
  return data.stderr.split('\n').filter((line) => line.trim() !== '');
}

export function CallError({ error }: { error: ErrorInfo }) {
  const showDock = useShowDock();
  const lines = stderrOf(error);
  return (
    <ErrorBox error={error} title="Call failed">
        {lines.length > 0 && (
          <div className={styles.stderr}>
            <span className={styles.caption}>The component's stderr{lines.length > TAIL_LINES ? ` (last ${TAIL_LINES} lines)` : ''}:</span>
            <pre className={styles.tail}>{lines.slice(-TAIL_LINES).join('\n')}</pre>
            <button type="button" className="link" onClick={() => showDock('output')}>
              See Output ({lines.length} line{lines.length === 1 ? '' : 's'})
            </button>
          </div>
        )}
    </ErrorBox>
  );
}
