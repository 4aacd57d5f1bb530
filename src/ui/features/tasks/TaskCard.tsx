/** One task: its status, times and message, a Cancel button while it runs, then its result or error. */
import type { TaskEntry } from '../../../session/tasks.js';
import { ContentBlocks } from '../../components/ContentBlocks.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { JsonView } from '../../components/JsonView.js';
import { clock } from '../../format.js';

const RUNNING = new Set<TaskEntry['status']>(['starting', 'working', 'input_required']);

const time = (iso: string | undefined) => (iso === undefined ? '—' : clock(Date.parse(iso)));

interface Props {
  task: TaskEntry;
  onCancel(): void;
}

export function TaskCard({ task, onCancel }: Props) {
  const running = RUNNING.has(task.status);
  const result = task.result;
  return (
    <li className="task-card" aria-label={`Task ${task.key}: ${task.tool}`}>
      <header className="task-head">
        <strong>{task.tool}</strong>
        <span className={`task-status ${task.status}`} data-testid="task-status">
          {task.status}
        </span>
        <code className="muted" title="Task id">
          {task.taskId ?? (running ? 'waiting for the server…' : 'answered at once, no task')}
        </code>
        {running && task.taskId && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </header>
      <dl className="task-times">
        <div>
          <dt>Started</dt>
          <dd>{clock(task.startedAt)}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{time(task.createdAt)}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{time(task.lastUpdatedAt)}</dd>
        </div>
      </dl>
      {task.statusMessage && <p className="task-message">{task.statusMessage}</p>}
      {task.status === 'input_required' && <p className="waiting-banner">The task asks you something: answer it above; it waits for you.</p>}
      {task.error && <ErrorBox error={task.error} title={task.status === 'failed' ? 'Task failed' : 'Cancel failed'} />}
      {result && (
        <div className={result.isError ? 'tool-error' : 'tool-ok'} aria-label="Task result">
          {result.isError && <p className="tool-error-title">The tool reported an error (isError: true)</p>}
          <ContentBlocks blocks={result.content} />
          {result.structuredContent !== undefined && <JsonView value={result.structuredContent} label="Structured content" />}
        </div>
      )}
    </li>
  );
}
