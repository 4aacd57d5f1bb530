/** The selected server's workspace; which tabs are open survives switching servers. */
import { useState } from 'react';
import { useApp } from '../../app-context.js';
import { useServers } from '../../hooks/stores.js';
import { Workspace, type DockTab, type MainTab } from './Workspace.js';

export function WorkspaceArea() {
  const { servers } = useApp();
  const { sessions, selectedId } = useServers(servers);
  const [tab, setTab] = useState<MainTab>('tools');
  const [dock, setDock] = useState<DockTab>('history');
  const session = sessions.find((s) => s.id === selectedId);
  if (!session) {
    return (
      <section className="welcome" aria-label="Welcome">
        <h2>Load a wasi:mcp component</h2>
        <p>
          Pick a bundled example above, open a <code>.wasm</code> file, drop one anywhere on this page, or open{' '}
          <code>?url=https://…/component.wasm</code>. Each component runs in its own Web Worker and speaks MCP to this page. Or
          connect to an MCP server that already runs, by its Streamable HTTP URL.
        </p>
      </section>
    );
  }
  return <Workspace key={session.id} session={session} tab={tab} onTab={setTab} dock={dock} onDock={setDock} />;
}
