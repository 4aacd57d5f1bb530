/** The tool calls run as tasks on one server, newest first. */
import type { ServerSession } from '../../../session/server-session.js';
import { useStatus, useTasks } from '../../hooks/stores.js';
import { tasksOffered } from './offered.js';
import { TaskCard } from './TaskCard.js';
import './tasks.css';

export function TasksPanel({ session }: { session: ServerSession }) {
  const tasks = useTasks(session);
  const offered = tasksOffered(useStatus(session));
  return (
    <section className="tasks" aria-label="Tasks">
      {!offered && (
        <p className="muted">
          This connection offers no tasks: they need protocol 2026-07-28 (Server tab) and a server with task-capable tools.
        </p>
      )}
      {offered && tasks.length === 0 && <p className="muted">No tasks yet: tick “Run as task” on a tool and call it.</p>}
      <ol className="task-list">
        {[...tasks].reverse().map((task) => (
          <TaskCard key={task.key} task={task} onCancel={() => void session.tasks.cancel(task.key)} />
        ))}
      </ol>
    </section>
  );
}
