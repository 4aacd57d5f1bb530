/** Whether the workspace is saved for the next visit, and the way to forget it, asked once more first (docs/workspace.md). */
import { useState, type KeyboardEvent } from 'react';
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

/** The question before forgetting: nothing is forgotten until Forget is chosen. Cancel, or Escape, keeps everything. */
function ConfirmForget({ onForget, onCancel }: { onForget(): void; onCancel(): void }) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel();
  };
  return (
    <div role="group" aria-label="Forget workspace?" className="saved-workspace" onKeyDown={onKeyDown}>
      <span>Close every server and erase what this page saved of them?</span>
      <button type="button" className="primary" onClick={onForget}>
        Forget
      </button>
      {/* Focused, so that a second Enter does not forget. */}
      <button type="button" onClick={onCancel} autoFocus>
        Cancel
      </button>
    </div>
  );
}

function Controls({ workspace }: { workspace: WorkspaceStore }) {
  const state = useSaveState(workspace);
  const [asking, setAsking] = useState(false);
  const forget = () => {
    setAsking(false);
    void workspace.forget();
  };
  return (
    <div className="saved-workspace">
      <span role="status" className={state.phase === 'failed' ? 'saved-workspace-failed' : 'muted'} data-testid="workspace-state">
        {label(state)}
      </span>
      {asking ? (
        <ConfirmForget onForget={forget} onCancel={() => setAsking(false)} />
      ) : (
        <button type="button" disabled={state.phase === 'restoring'} title="Close every server and erase what this page saved of them" onClick={() => setAsking(true)}>
          Forget workspace
        </button>
      )}
    </div>
  );
}

/** Nothing where the browser offers no storage. */
export function SavedWorkspace() {
  const { workspace } = useApp();
  return workspace ? <Controls workspace={workspace} /> : null;
}
