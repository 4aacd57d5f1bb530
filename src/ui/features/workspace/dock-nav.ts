/** Lets a panel bring a timeline of the bottom dock forward (a trap's "See Output", say). */
import { createContext, useContext } from 'react';

export type DockTab = 'history' | 'logs' | 'notifications' | 'output';

export const DockNav = createContext<(tab: DockTab) => void>(() => {});

export function useShowDock(): (tab: DockTab) => void {
  return useContext(DockNav);
}
