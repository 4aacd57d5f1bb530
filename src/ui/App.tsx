/** The composition root: provides the page-wide stores and lays out the features. Nothing else. */
import { useEffect } from 'react';
import { AppContext, type AppStores } from './app-context.js';
import { DropZone } from './features/loader/DropZone.js';
import { LoadBar } from './features/loader/LoadBar.js';
import { SavedWorkspace } from './features/saved/SavedWorkspace.js';
import { ServerList } from './features/servers/ServerList.js';
import { SettingsBar } from './features/workspace/SettingsBar.js';
import { WorkspaceArea } from './features/workspace/WorkspaceArea.js';
import { useTheme } from './hooks/theme.js';
import styles from './App.module.css';

function ThemeSync() {
  const theme = useTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return null;
}

export function App({ stores }: { stores: AppStores }) {
  return (
    <AppContext.Provider value={stores}>
      <ThemeSync />
      <div className={styles.app}>
        <header className={styles.header}>
          <h1>
            wasi-mcp <span>playground</span>
          </h1>
          <LoadBar />
          <SettingsBar />
          <SavedWorkspace />
        </header>
        <aside className={styles.sidebar}>
          <ServerList />
        </aside>
        <main className={styles.content}>
          <WorkspaceArea />
        </main>
      </div>
      <DropZone />
    </AppContext.Provider>
  );
}
