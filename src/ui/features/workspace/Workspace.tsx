/** One server's page: its loading stages or error, then its panels and timelines. */
import type { ServerSession } from '../../../session/server-session.js';
import { ErrorBox } from '../../components/ErrorBox.js';
import { TabPanel, Tabs, type TabSpec } from '../../components/Tabs.js';
import { useStatus } from '../../hooks/stores.js';
import { ClientRequests } from '../client-requests/ClientRequests.js';
import { CollectionsPanel } from '../collections/CollectionsPanel.js';
import { ComparePanel } from '../collections/ComparePanel.js';
import { ConsolePanel } from '../console/ConsolePanel.js';
import { StageList } from '../loader/StageList.js';
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
import { Dock } from './Dock.js';
import { DockNav, type DockTab } from './dock-nav.js';
import styles from './Workspace.module.css';

export type MainTab = 'server' | 'tools' | 'tasks' | 'resources' | 'prompts' | 'console' | 'sandbox' | 'collections' | 'compare';
export type { DockTab };

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

/** How the dock is laid out; kept by WorkspaceArea so that it survives switching servers. */
export interface DockLayout {
  tab: DockTab;
  height: number | undefined;
  collapsed: boolean;
}

interface Props {
  session: ServerSession;
  tab: MainTab;
  onTab(tab: MainTab): void;
  dock: DockLayout;
  onDock(dock: DockLayout): void;
}

/** The last restart, in one line (the whole of it on hover), until the person dismisses it. */
function Notice({ session, text }: { session: ServerSession; text: string }) {
  return (
    <span className={styles.notice}>
      <span role="status" className={styles.noticeText} title={text}>
        {text}
      </span>
      <button type="button" className={styles.dismiss} aria-label="Dismiss notice" title="Dismiss" onClick={() => session.status.dismissNotice()}>
        ×
      </button>
    </span>
  );
}

export function Workspace({ session, tab, onTab, dock, onDock }: Props) {
  const status = useStatus(session);
  const info = status.info;
  const main = `${session.id}-main`;
  const remote = session.kind === 'remote';
  return (
    <section className={styles.workspace} aria-label={`Server ${session.name}`}>
      <header className={styles.header}>
        <h2 className={styles.name} title={session.name}>
          {session.name}
        </h2>
        <span className={`phase ${status.phase}`} data-testid="phase">
          {status.phase}
        </span>
        {info && !remote && <MemoryUse session={session} />}
        {status.notice && <Notice session={session} text={status.notice} />}
      </header>
      {!info && <StageList stages={status.stages} live={status.phase === 'loading'} />}
      {status.error &&
        (info ? <StoppedBanner session={session} error={status.error} /> : <ErrorBox error={status.error} title={remote ? 'Could not connect' : 'Could not load the component'} />)}
      {info && <ClientRequests session={session} />}
      {info && (
        <DockNav.Provider value={(t) => onDock({ ...dock, tab: t, collapsed: false })}>
          <div className={styles.body}>
            <div className={styles.main}>
              <Tabs tabs={MAIN} selected={tab} onSelect={onTab} label="Server views" idPrefix={main} />
              <TabPanel idPrefix={main} id={tab} className={styles.panel}>
                {tab === 'server' && (
                  <>
                    <ServerInfo session={session} info={info} />
                    <RootsEditor session={session} />
                    <details className={styles.loadTimes}>
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
            <Dock
              session={session}
              tab={dock.tab}
              onTab={(t) => onDock({ ...dock, tab: t, collapsed: false })}
              height={dock.height}
              onHeight={(height) => onDock({ ...dock, height, collapsed: false })}
              collapsed={dock.collapsed}
              onCollapsed={(collapsed) => onDock({ ...dock, collapsed })}
            />
          </div>
        </DockNav.Provider>
      )}
    </section>
  );
}
