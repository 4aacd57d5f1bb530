/** The selected server's workspace; which tabs are open and how the dock is laid out survive switching servers. */
import { useState } from 'react';
import { useApp } from '../../app-context.js';
import { useServers } from '../../hooks/stores.js';
import { Welcome } from './Welcome.js';
import { Workspace, type DockLayout, type MainTab } from './Workspace.js';

export function WorkspaceArea() {
  const { servers } = useApp();
  const { sessions, selectedId } = useServers(servers);
  const [tab, setTab] = useState<MainTab>('tools');
  const [dock, setDock] = useState<DockLayout>({ tab: 'history', height: undefined, collapsed: false });
  const session = sessions.find((s) => s.id === selectedId);
  if (!session) return <Welcome />;
  return <Workspace key={session.id} session={session} tab={tab} onTab={setTab} dock={dock} onDock={setDock} />;
}
