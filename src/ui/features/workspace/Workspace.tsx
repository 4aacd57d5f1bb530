/** One server's page: its loading stages or error, then its panels and timelines. */
import type { ServerSession } from '../../../session/server-session.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { TabPanel, Tabs, type TabSpec } from '../../components/Tabs.js';
import { useStatus } from '../../hooks/stores.js';
import { ClientRequests } from '../client-requests/ClientRequests.js';
import { CollectionsPanel } from '../collections/CollectionsPanel.js';
import { ComparePanel } from '../collections/ComparePanel.js';
import { ConsolePanel } from '../console/ConsolePanel.js';
import { HistoryPanel } from '../history/HistoryPanel.js';
import { StageList } from '../loader/StageList.js';
import { LogsPanel } from '../logs/LogsPanel.js';
import { NotificationsPanel } from '../notifications/NotificationsPanel.js';
import { OutputPanel } from '../output/OutputPanel.js';
import { PromptsPanel } from '../prompts/PromptsPanel.js';
import { ResourcesPanel } from '../resources/ResourcesPanel.js';
import { RootsEditor } from '../roots/RootsEditor.js';
import { MemoryUse } from '../sandbox/MemoryUse.js';
import { SandboxPanel } from '../sandbox/SandboxPanel.js';
import { StoppedBanner } from '../sandbox/StoppedBanner.js';
import { RemoteNotice } from '../server/RemoteNotice.js';
import { TasksPanel } from '../tasks/TasksPanel.js';
import { ServerInfo } from '../server/ServerInfo.js';
import { ToolsPanel } from '../tools/ToolsPanel.js';

export type MainTab = 'server' | 'tools' | 'tasks' | 'resources' | 'prompts' | 'console' | 'sandbox' | 'collections' | 'compare';
export type DockTab = 'history' | 'logs' | 'notifications' | 'output';

const MAIN: readonly TabSpec<MainTab>[] = [
  { id: 'server', label: 'Server' },
  { id: 'tools', label: 'Tools' },
  { id: 'tasks', label: 'Tasks' },
  { id: 'resources', label: 'Resources' },
  { id: 'prompts', label: 'Prompts' },
  { id: 'console', label: 'Console' },
  { id: 'sandbox', label: 'Sandbox' },
  { id: 'collections', label: 'Collections' },
  { id: 'compare', label: 'Compare' },
];
const DOCK: readonly TabSpec<DockTab>[] = [
  { id: 'history', label: 'History' },
  { id: 'logs', label: 'Logs' },
  { id: 'notifications', label: 'Notifications' },
  { id: 'output', label: 'Output' },
];

interface Props {
  session: ServerSession;
  tab: MainTab;
  onTab(tab: MainTab): void;
  dock: DockTab;
  onDock(tab: DockTab): void;
}

export function Workspace({ session, tab, onTab, dock, onDock }: Props) {
  const status = useStatus(session);
  const info = status.info;
  const main = `${session.id}-main`;
  const timelines = `${session.id}-dock`;
  const remote = session.kind === 'remote';
  return (
    <section className="workspace" aria-label={`Server ${session.name}`}>
      <header className="workspace-header">
        <h2>{session.name}</h2>
        <span className={`phase ${status.phase}`} data-testid="phase">
          {status.phase}
        </span>
        {info && !remote && <MemoryUse session={session} />}
        {status.notice && (
          <span className="notice" role="status">
            {status.notice}
          </span>
        )}
      </header>
      {!info && <StageList stages={status.stages} live={status.phase === 'loading'} />}
      {status.error &&
        (info ? <StoppedBanner session={session} error={status.error} /> : <ErrorBox error={status.error} title={remote ? 'Could not connect' : 'Could not load the component'} />)}
      {info && <ClientRequests session={session} />}
      {info && (
        <div className="workspace-body">
          <div className="main-area">
            <Tabs tabs={MAIN} selected={tab} onSelect={onTab} label="Server views" idPrefix={main} />
            <TabPanel idPrefix={main} id={tab} className="main-panel">
              {tab === 'server' && (
                <>
                  <ServerInfo session={session} info={info} />
                  <RootsEditor session={session} />
                  <details className="load-times">
                    <summary>Load times</summary>
                    <StageList stages={status.stages} live={false} />
                  </details>
                </>
              )}
              {tab === 'tools' && <ToolsPanel session={session} />}
              {tab === 'tasks' && <TasksPanel session={session} />}
              {tab === 'resources' && <ResourcesPanel session={session} />}
              {tab === 'prompts' && <PromptsPanel session={session} />}
              {tab === 'console' && <ConsolePanel session={session} />}
              {tab === 'sandbox' && (remote ? <RemoteNotice view="sandbox" /> : <SandboxPanel session={session} />)}
              {tab === 'collections' && <CollectionsPanel session={session} />}
              {tab === 'compare' && <ComparePanel session={session} />}
            </TabPanel>
          </div>
          <div className="dock">
            <Tabs tabs={DOCK} selected={dock} onSelect={onDock} label="Timelines" idPrefix={timelines} />
            <TabPanel idPrefix={timelines} id={dock} className="dock-panel">
              {dock === 'history' && <HistoryPanel session={session} />}
              {dock === 'logs' && <LogsPanel session={session} />}
              {dock === 'notifications' && <NotificationsPanel session={session} />}
              {dock === 'output' && (remote ? <RemoteNotice view="output" /> : <OutputPanel session={session} />)}
            </TabPanel>
          </div>
        </div>
      )}
    </section>
  );
}
