/**
 * "Run as task" beside a tool's Call button, shown only when the server offers the tasks
 * extension. The server decides: a tool that supports tasks and takes a while becomes one; any
 * other answers at once. Either way the call is listed in the Tasks tab.
 */
import type { ServerSession } from '../../../session/server-session.js';
import { useStatus } from '../../hooks/stores.js';
import { tasksOffered } from './offered.js';

interface Props {
  session: ServerSession;
  checked: boolean;
  onChange(checked: boolean): void;
}

export function TaskToggle({ session, checked, onChange }: Props) {
  const status = useStatus(session);
  if (!tasksOffered(status)) return null;
  return (
    <>
      <label className="task-toggle" title="Declares the tasks extension on this call">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> Run as task
      </label>
      {checked && <span className="muted">Follow it in the Tasks tab.</span>}
    </>
  );
}
