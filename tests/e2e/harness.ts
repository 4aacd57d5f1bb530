/**
 * The e2e harness: build the app once (`vite build`, skipped while
 * dist/ is newer than every source), serve dist/ with `vite preview` on a free
 * port of 127.0.0.1, and drive Debian's Chromium with playwright-core. One
 * browser and one preview server per spec file; a page fails its test on any
 * page error or console error.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.e2e-build');
const LOCK = join(ROOT, '.cache', 'e2e-build.lock');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const CHROMIUM = '/usr/bin/chromium';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function fresh(): boolean {
  if (!existsSync(STAMP)) return false;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => newest(join(ROOT, p)));
  return statSync(STAMP).mtimeMs > Math.max(...sources);
}

/** Builds dist/ unless it is up to date; spec files running in parallel wait for one build. */
export async function ensureBuilt(): Promise<void> {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  for (;;) {
    if (fresh()) return;
    try {
      mkdirSync(LOCK);
    } catch {
      // Another spec file is building; a lock older than five minutes is from a run that died.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      if (!fresh()) {
        // vitest sets NODE_ENV=test, which would give a development build of React.
        execFileSync(process.execPath, [VITE, 'build', '--logLevel', 'error'], {
          cwd: ROOT,
          stdio: ['ignore', 'ignore', 'inherit'],
          env: { ...process.env, NODE_ENV: 'production' },
        });
        writeFileSync(STAMP, new Date().toISOString());
      }
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
    return;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Preview {
  url: string;
  close(): Promise<void>;
}

/** `vite preview` of dist/ (the production build), or with `dev` the dev server on the sources. */
export async function startPreview(dev = false): Promise<Preview> {
  const port = await freePort();
  const args = dev ? ['--host', '127.0.0.1', '--port', String(port), '--strictPort'] : ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  const child: ChildProcess = spawn(process.execPath, [VITE, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NODE_ENV: dev ? 'development' : 'production' },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || i > 200) throw new Error(`vite did not start: ${stderr}`);
    await sleep(100);
  }
  return {
    url,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run npm run setup -- --chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Opened {
  page: Page;
  context: BrowserContext;
  /** Page errors and console errors seen so far; a test ends by expecting none. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context and page on `url`, recording every page error and console error. */
export async function openPage(browser: Browser, url: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  await page.goto(url);
  return { page, context, errors, close: () => context.close() };
}

/** Everything a spec file needs, started in beforeAll and stopped in afterAll. */
export interface Suite {
  browser: Browser;
  preview: Preview;
}

export async function startSuite(options: { dev?: boolean } = {}): Promise<Suite> {
  if (!options.dev) await ensureBuilt();
  const [preview, browser] = await Promise.all([startPreview(options.dev), launchChromium()]);
  return { browser, preview };
}

export async function stopSuite(suite: Suite | undefined): Promise<void> {
  await suite?.browser.close();
  await suite?.preview.close();
}
