/**
 * The bottom dock of timelines: resizable by dragging its handle or, with the
 * handle focused, by the arrow keys; collapsible to its tab row. A tab not
 * shown counts what arrived since it was last looked at.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { TabPanel, Tabs, type TabSpec } from '../../components/Tabs.js';
import { useHistory, useLogs, useNotifications, useOutput } from '../../hooks/stores.js';
import { HistoryPanel } from '../history/HistoryPanel.js';
import { LogsPanel } from '../logs/LogsPanel.js';
import { NotificationsPanel } from '../notifications/NotificationsPanel.js';
import { OutputPanel } from '../output/OutputPanel.js';
import { RemoteNotice } from '../server/RemoteNotice.js';
import type { DockTab } from './dock-nav.js';
import styles from './Dock.module.css';

const LABELS: Record<DockTab, string> = { history: 'History', logs: 'Logs', notifications: 'Notifications', output: 'Output' };
const MIN_HEIGHT = 120;
const STEP = 24;

/** How many entries each timeline ever had; what a tab has not shown yet is the difference from when it was last open. */
function useTotals(session: ServerSession): Record<DockTab, number> {
  return {
    history: useHistory(session).total,
    logs: useLogs(session).total,
    notifications: useNotifications(session).total,
    output: useOutput(session).total,
  };
}

interface Props {
  session: ServerSession;
  tab: DockTab;
  /** Shows `tab` (expanding a collapsed dock). */
  onTab(tab: DockTab): void;
  /** Height in px; undefined: the default share of the workspace. */
  height: number | undefined;
  /** Sets the height (expanding a collapsed dock). */
  onHeight(height: number): void;
  collapsed: boolean;
  onCollapsed(collapsed: boolean): void;
}

export function Dock({ session, tab, onTab, height, onHeight, collapsed, onCollapsed }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const totals = useTotals(session);
  const [seen, setSeen] = useState<Record<DockTab, number>>(totals);
  const shownTab = collapsed ? undefined : tab;
  // What the open tab shows counts as seen.
  if (shownTab && seen[shownTab] !== totals[shownTab]) setSeen({ ...seen, [shownTab]: totals[shownTab] });
  const tabs: TabSpec<DockTab>[] = (Object.keys(LABELS) as DockTab[]).map((id) => {
    // A cleared timeline starts counting again from nothing.
    const unread = id === shownTab ? 0 : totals[id] < seen[id] ? totals[id] : totals[id] - seen[id];
    return { id, label: LABELS[id], badge: unread > 0 ? (unread > 999 ? '999+' : unread) : undefined, badgeLabel: `${unread} new` };
  });
  const maxHeight = () => (ref.current?.parentElement?.clientHeight ?? 600) - 120;
  const current = () => (collapsed ? undefined : height) ?? ref.current?.getBoundingClientRect().height ?? MIN_HEIGHT;
  const resize = (next: number) => onHeight(Math.round(Math.max(MIN_HEIGHT, Math.min(maxHeight(), next))));
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowUp' ? STEP : event.key === 'ArrowDown' ? -STEP : 0;
    if (step === 0) return;
    event.preventDefault();
    resize(current() + step);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startY = event.clientY;
    const startHeight = current();
    const move = (e: globalThis.PointerEvent) => resize(startHeight + startY - e.clientY);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  const idPrefix = `${session.id}-dock`;
  return (
    <div ref={ref} className={`${styles.dock} ${collapsed ? styles.collapsed : ''}`} style={collapsed || height === undefined ? undefined : { flexBasis: height }}>
      <div
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the timelines (arrow keys)"
        aria-valuemin={MIN_HEIGHT}
        aria-valuenow={Math.round(height ?? 0) || undefined}
        tabIndex={0}
        className={styles.handle}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
      />
      <div className={styles.bar}>
        <Tabs tabs={tabs} selected={tab} onSelect={onTab} label="Timelines" idPrefix={idPrefix} />
        <button type="button" className={styles.toggle} aria-expanded={!collapsed} onClick={() => onCollapsed(!collapsed)}>
          {collapsed ? 'Show timelines' : 'Hide timelines'}
        </button>
      </div>
      {!collapsed && (
        <TabPanel idPrefix={idPrefix} id={tab} className={styles.panel}>
          {tab === 'history' && <HistoryPanel session={session} />}
          {tab === 'logs' && <LogsPanel session={session} />}
          {tab === 'notifications' && <NotificationsPanel session={session} />}
          {tab === 'output' && (session.kind === 'remote' ? <RemoteNotice view="output" /> : <OutputPanel session={session} />)}
        </TabPanel>
      )}
    </div>
  );
}
