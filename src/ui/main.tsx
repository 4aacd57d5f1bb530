/** Page entry: creates the stores (outside React), opens ?url= if given, and renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { printWit } from '../platform/browser/wit.js';
import { spawnComponentWorker } from '../platform/browser/spawn.js';
import { ServersStore } from '../session/servers.js';
import { SettingsStore } from '../session/settings.js';
import { fromUrl, loadExamples } from '../session/sources.js';
import { App } from './App.js';
import './styles.css';

const settings = new SettingsStore(window.localStorage, window.matchMedia('(prefers-color-scheme: dark)').matches);
const servers = new ServersStore(spawnComponentWorker, () => settings.value.deadlineMs);
const base = document.baseURI;
const examples = loadExamples(base).catch((e: unknown) => {
  console.warn('no example index:', e);
  return [];
});

const url = new URLSearchParams(window.location.search).get('url');
if (url) void servers.open(fromUrl(url, base));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App stores={{ servers, settings, base, examples, printWit }} />
  </StrictMode>,
);
