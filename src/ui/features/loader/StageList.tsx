/** The loading stages of one server with their times, and a bar for the whole. */
import { STAGE_LABELS, type StageState } from '../../../session/status.js';
import { useNow } from '../../hooks/now.js';
import { ms } from '../../format.js';

const MARK: Record<StageState['state'], string> = { pending: '○', active: '◐', done: '✓', failed: '✗' };

export function StageList({ stages, live }: { stages: readonly StageState[]; live: boolean }) {
  const now = useNow(live);
  const done = stages.filter((s) => s.state === 'done').length;
  return (
    <div className="stages">
      <progress aria-label="Loading progress" max={stages.length} value={done} />
      <ol aria-label="Loading stages">
        {stages.map((s) => (
          <li key={s.name} className={`stage ${s.state}`} aria-label={`${STAGE_LABELS[s.name]}: ${s.state}`}>
            <span className="mark" aria-hidden="true">
              {MARK[s.state]}
            </span>
            <span className="stage-name">{STAGE_LABELS[s.name]}</span>
            <span className="stage-time">
              {s.ms !== undefined ? ms(s.ms) : s.state === 'active' && s.startedAt !== undefined && live ? ms(now - s.startedAt) : ''}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
