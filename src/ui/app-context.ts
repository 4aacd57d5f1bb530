/** The page-wide stores, created once by main.tsx and handed down by App. */
import { createContext, useContext } from 'react';
import type { CollectionRunsStore } from '../session/collection-runs.js';
import type { CollectionsStore } from '../session/collections.js';
import type { NextVersionsStore } from '../session/next-versions.js';
import type { ServersStore } from '../session/servers.js';
import type { SettingsStore } from '../session/settings.js';
import type { Example } from '../session/sources.js';
import type { WorkspaceStore } from '../session/workspace.js';

export interface AppStores {
  servers: ServersStore;
  settings: SettingsStore;
  /** What the page saves for the next visit; absent where the browser offers no IndexedDB. */
  workspace: WorkspaceStore | undefined;
  /** Saved calls, the latest result of each, and each server's next version (docs/collections.md). */
  collections: CollectionsStore;
  collectionRuns: CollectionRunsStore;
  nextVersions: NextVersionsStore;
  /** The page's base URL, against which examples and ?url= resolve. */
  base: string;
  /** The bundled examples, read before the first render (empty when there are none). */
  examples: Example[];
  /** Prints a component's WIT world (in a worker). */
  printWit(bytes: Uint8Array): Promise<string>;
}

export const AppContext = createContext<AppStores | null>(null);

export function useApp(): AppStores {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside <AppContext.Provider>');
  return app;
}
