import type { SessionStatus } from '../../../session/status.js';
import { TASKS_EXTENSION } from '../../../session/tasks.js';

/** Whether the server offers tasks: only a 2026-07-28 connection to a server that lists the extension. */
export function tasksOffered(status: SessionStatus): boolean {
  const info = status.info;
  return info?.protocolVersion === '2026-07-28' && info.capabilities.extensions?.[TASKS_EXTENSION] !== undefined;
}
