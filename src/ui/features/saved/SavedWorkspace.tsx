/** Whether the workspace is saved for the next visit, and the way to forget it (docs/workspace.md). */
import type { SaveState, WorkspaceStore } from '../../../session/workspace.js';
import { useApp } from '../../app-context.js';
import { useSaveState } from '../../hooks/stores.js';
import './saved-workspace.css';

function label(state: SaveState): string {
  switch (state.phase) {
    case 'restoring':
      return 'Restoring workspace…';
    case 'pending':
      return 'Saving…';
    case 'saved':
      return 'Workspace saved';
    case 'failed':
      return `Workspace not saved: ${state.error}`;
    case 'idle':
      return '';
  }
}

function Controls({ workspace }: { workspace: WorkspaceStore }) {
  const state = useSaveState(workspace);
  return (
    <div className="saved-workspace">
      <span role="status" className={state.phase === 'failed' ? 'saved-workspace-failed' : 'muted'} data-testid="workspace-state">
        {label(state)}
      </span>
      <button
        type="button"
        disabled={state.phase === 'restoring'}
        title="Close every server and erase what this page saved of them"
        onClick={() => void workspace.forget()}
      >
        Forget workspace
      </button>
    </div>
  );
}

/** Nothing where the browser offers no storage. */
export function SavedWorkspace() {
  const { workspace } = useApp();
  return workspace ? <Controls workspace={workspace} /> : null;
}
