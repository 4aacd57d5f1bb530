/** Page entry: creates the stores (outside React), brings back the saved workspace, opens ?url= if given, and renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { printWit } from '../platform/browser/wit.js';
import { remoteFetch } from '../platform/browser/remote-fetch.js';
import { indexedDbWorkspace } from '../platform/browser/workspace-storage.js';
import { prepareComponentWorker, spawnComponentWorker } from '../platform/browser/spawn.js';
import { CollectionRunsStore } from '../session/collection-runs.js';
import { CollectionsStore } from '../session/collections.js';
import { NextVersionsStore } from '../session/next-versions.js';
import type { Spawner } from '../session/server-session.js';
import { ServersStore } from '../session/servers.js';
import { SettingsStore } from '../session/settings.js';
import { fromUrl, loadExamples } from '../session/sources.js';
import { WorkspaceStore } from '../session/workspace.js';
import { App } from './App.js';
import './styles.css';

const settings = new SettingsStore(window.localStorage, window.matchMedia('(prefers-color-scheme: dark)').matches);
const spawn: Spawner = (bytes, events, { grants, limits }) => spawnComponentWorker(bytes, events, grants, limits);
const deadlineMs = () => settings.value.deadlineMs;
const servers = new ServersStore({ spawn, deadlineMs, fetch: remoteFetch(window.location.origin) });
const collections = new CollectionsStore(window.localStorage);
const collectionRuns = new CollectionRunsStore();
const nextVersions = new NextVersionsStore(servers, spawn, deadlineMs);
// Set before the examples are awaited, so the page never shows the other theme first.
document.documentElement.dataset.theme = settings.value.theme;
const base = document.baseURI;
// Awaited before the first render: a picker that suspended on it showed its fallback
// first, and React holds a revealed Suspense boundary back for 300 ms, which was most of the
// time to interactive. index.html preloads the list, so it is usually here when this runs.
const examples = await loadExamples(base).catch((e: unknown) => {
  console.warn('no example index:', e);
  return [];
});

const storage = indexedDbWorkspace();
const workspace = storage && new WorkspaceStore({ servers, storage, examples, base });
const url = new URLSearchParams(window.location.search).get('url');
// The saved servers come back first (loading as usual, the page renders meanwhile), then ?url= joins
// them, or is shown if it is one of them.
void (async () => {
  await workspace?.restore();
  if (url) void servers.openUrl(fromUrl(url, base));
})();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App stores={{ servers, settings, workspace, collections, collectionRuns, nextVersions, base, examples, printWit }} />
  </StrictMode>,
);
// The first load then finds a worker that has already started; once the page is idle,
// so that starting it does not delay the page.
if ('requestIdleCallback' in window) requestIdleCallback(prepareComponentWorker, { timeout: 2000 });
else setTimeout(prepareComponentWorker, 500);
