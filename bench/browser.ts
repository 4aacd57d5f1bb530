/**
 * Browser part: builds the bench page (bench/browser), serves it
 * with the examples, runs `window.runBench` in Debian's Chromium with a fresh
 * profile, then times the built app's start and sizes its initial JS.
 * bench/README.md explains every number.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { initialJs, timeToInteractive, type InitialJs, type Tti } from './browser/runner/app.js';
import { heapProbe } from './browser/runner/cdp.js';
import { profiler, type ProfileSummary } from './browser/runner/profile.js';
import { ensureBuilt, startPreview } from '../tests/e2e/harness.js';
import { ISOLATED, ROOT, serveStatic, viteBuild } from './browser/runner/server.js';
import type { PageOptions, PageResults } from './browser/types.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TTI_RUNS = 5;

export interface Target {
  name: string;
  target: string;
  measured: number;
  unit: string;
  met: boolean;
}

export interface BrowserResults extends PageResults {
  chromium: string;
  /** os.loadavg() before and after: other work on the machine skews every number. */
  loadAverage: { before: number[]; after: number[] };
  app: { tti: Tti; initialJs: InitialJs };
  targets: Target[];
  durationMs: number;
  /** With --profile only: self time per source file and function, per profiled phase and thread. */
  profiles?: Record<string, ProfileSummary>;
}

export interface BrowserBenchOptions extends Partial<Omit<PageOptions, 'profile'>> {
  /** Where --profile writes .cpuprofile files (profiling is on when this is set). */
  profileDir?: string;
}

function targets(r: PageResults, js: InitialJs): Target[] {
  const echo = r.load.echo;
  const trips = r.roundTrips.echo;
  const list: Target[] = [];
  if (echo) {
    list.push({ name: 'repeat load, QuickJS echo', target: '< 150 ms', measured: echo.second.totalMs, unit: 'ms', met: echo.second.totalMs < 150 });
    list.push({ name: 'first load, QuickJS echo', target: '< 1000 ms', measured: echo.first.totalMs, unit: 'ms', met: echo.first.totalMs < 1000 });
  }
  for (const [name, l] of Object.entries(r.load)) {
    if (name !== 'echo') list.push({ name: `repeat load, ${name}`, target: '< 150 ms', measured: l.second.totalMs, unit: 'ms', met: l.second.totalMs < 150 });
  }
  if (trips) {
    list.push({ name: 'p50 component / baseline', target: '<= 1.5', measured: trips.ratio.p50, unit: 'x', met: trips.ratio.p50 <= 1.5 });
    const cps = trips.component.concurrent.callsPerSecond;
    list.push({ name: `calls/s, ${r.options.inFlight} in flight`, target: '> 10000', measured: cps, unit: 'calls/s', met: cps > 10_000 });
  }
  list.push({ name: 'initial JS, gzip', target: '< 250 KB', measured: js.gzipBytes, unit: 'bytes', met: js.gzipBytes < 250_000 });
  return list;
}

async function runPage(
  context: BrowserContext,
  options: BrowserBenchOptions,
  log: (line: string) => void,
): Promise<PageResults & { profiles?: Record<string, ProfileSummary> }> {
  const { profileDir, ...pageOptions } = options;
  // Profiles name functions and files only in an unminified build.
  await viteBuild(['--config', join(ROOT, 'bench/browser/vite.config.ts'), ...(profileDir ? ['--minify', 'false'] : [])]);
  const served = await serveStatic([
    ['/examples/', join(ROOT, 'public/examples')],
    ['/', join(ROOT, 'bench/browser/dist')],
  ], ISOLATED);
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${r.url()}`);
    });
    page.on('console', (m) => {
      // A failed request is reported once, with its URL, by the response listener.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
      else if (m.text().startsWith('bench: ')) log(`  ${m.text().slice(7)}`);
    });
    await page.exposeFunction('benchWorkerHeap', await heapProbe(page));
    const profiled = profileDir ? await profiler(page, join(ROOT, 'bench/browser/dist/assets'), profileDir) : undefined;
    if (profiled) await page.exposeFunction('benchProfile', profiled.hook);
    await page.goto(served.url);
    await page.waitForFunction(() => typeof window.runBench === 'function');
    if (!(await page.evaluate(() => crossOriginIsolated))) errors.push('the page is not cross-origin isolated: timers are coarse (100 µs)');
    const results = await page.evaluate((o) => window.runBench(o), { ...pageOptions, profile: profiled !== undefined });
    if (errors.length > 0) results.notes.push(...errors.map((e) => `page error: ${e}`));
    await page.close();
    return profiled ? { ...results, profiles: profiled.summaries } : results;
  } finally {
    await served.close();
  }
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

function summary(r: BrowserResults, log: (line: string) => void): void {
  log('browser: load (ms): total = ready + initialize + tools/list; ready = worker + stages');
  log('  example      load   cached  total  transpile  compile  instantiate  register  worker  init  list  linear MiB  heap MiB');
  const mib = (n: number | null) => (n === null ? '-' : (n / 2 ** 20).toFixed(1));
  for (const [name, l] of Object.entries(r.load)) {
    for (const which of ['first', 'second'] as const) {
      const t = l[which];
      const s = t.stagesMs;
      log(
        `  ${name.padEnd(12)} ${which.padEnd(6)} ${String(t.cached).padEnd(6)} ${[t.totalMs, s.transpile, s.compile, s.instantiate, s.register, t.workerMs, t.initializeMs, t.listMs]
          .map((v, i) => String(v ?? '-').padStart([6, 10, 8, 12, 9, 7, 5, 5][i]))
          .join(' ')}  ${mib(t.memory.linearBytes).padStart(10)}  ${mib(t.memory.heapAfterGcBytes).padStart(8)}`,
      );
    }
  }
  const b = r.baselineLoad;
  log(`  JS baseline  total ${b.totalMs}  ready ${b.readyMs}  init ${b.initializeMs}  list ${b.listMs}`);
  for (const [name, t] of Object.entries(r.roundTrips)) {
    log(`browser: ${name} tools/call over the MessagePort (${r.options.rounds} rounds of ${r.options.calls} calls after ${r.options.warmup} warm-up)`);
    for (const side of ['baseline', 'component'] as const) {
      const s = t[side];
      log(
        `  ${side.padEnd(9)}  sequential p50 ${s.sequential.p50Ms} ms  p99 ${s.sequential.p99Ms} ms  ${s.sequential.callsPerSecond} calls/s (${s.sequential.perRound.join('/')})` +
          `  |  ${r.options.inFlight} in flight ${s.concurrent.callsPerSecond} calls/s (${s.concurrent.perRound.join('/')}; p50 ${s.concurrent.p50Ms} ms)` +
          `  |  heap ${mib(s.memory.afterLoad.heapAfterGcBytes)} → ${mib(s.memory.afterCalls.heapAfterGcBytes)} MiB` +
          (side === 'component' ? `, linear ${mib(s.memory.afterLoad.linearBytes)} → ${mib(s.memory.afterCalls.linearBytes)} MiB` : ''),
      );
    }
    log(`  ratio      p50 ${t.ratio.p50}x  p99 ${t.ratio.p99}x  throughput ${t.ratio.throughput}x  in flight ${t.ratio.concurrentThroughput}x`);
  }
  log(`browser: load average (1, 5, 15 min) ${r.loadAverage.before.join(' ')} before, ${r.loadAverage.after.join(' ')} after, ${r.hardwareConcurrency} cores`);
  const { tti, initialJs: js } = r.app;
  log(`browser: app  TTI cold ${tti.cold.ttiMs} ms, warm median ${tti.warmMedianMs} ms; initial JS ${kb(js.gzipBytes)} gzip (${kb(js.bytes)} raw, ${js.files.length} files)`);
  log('browser: targets');
  for (const t of r.targets) log(`  ${t.met ? 'met ' : 'MISS'}  ${t.name}: ${t.measured} ${t.unit} (target ${t.target})`);
  for (const n of r.notes) log(`  note: ${n}`);
  if (r.experiments) {
    log(`browser: experiments, echo (${r.options.rounds} rounds of ${r.options.calls} calls; the component's calls/s and p50 against the first row)`);
    const [base] = r.experiments.variants;
    for (const v of r.experiments.variants) {
      log(
        `  ${v.name.padEnd(26)} sequential p50 ${String(v.sequential.p50Ms).padEnd(6)} ms (${(v.sequential.p50Ms / base.sequential.p50Ms).toFixed(2)}x)` +
          `  ${String(v.sequential.callsPerSecond).padStart(6)} calls/s  |  ${r.options.inFlight} in flight ${String(v.concurrent.callsPerSecond).padStart(6)} calls/s` +
          ` (${(v.concurrent.callsPerSecond / base.concurrent.callsPerSecond).toFixed(2)}x)` +
          (v.directUsPerCall === undefined
            ? ''
            : `  |  in the worker: host.call ${v.directUsPerCall} µs, MCP in memory ${v.inMemoryUsPerCall} µs (JS echo ${v.inMemoryBaselineUsPerCall} µs)`),
      );
    }
    const f = r.experiments.floor;
    log(
      `  ${'floor: raw postMessage'.padEnd(26)} sequential p50 ${String(f.sequential.p50Ms).padEnd(6)} ms          ${String(f.sequential.callsPerSecond).padStart(6)} calls/s` +
        `  |  ${r.options.inFlight} in flight ${String(f.concurrent.callsPerSecond).padStart(6)} calls/s`,
    );
  }
  for (const [name, t] of Object.entries(r.experiments?.freshWorkerLoad ?? {})) {
    log(`  repeat load of ${name} in a worker started with the clock: ${t.totalMs} ms (boot ${t.bootMs} ms; in the waiting worker ${r.load[name]?.second.totalMs} ms)`);
  }
  for (const [name, p] of Object.entries(r.profiles ?? {})) {
    log(`browser: profile ${name} (${p.totalMs} ms sampled), self time by file:`);
    for (const [file, ms, pct] of p.files.slice(0, 8)) log(`  ${String(ms).padStart(8)} ms ${String(pct).padStart(5)}%  ${file}`);
  }
}

export async function benchBrowser(log: (line: string) => void, options: BrowserBenchOptions = {}): Promise<BrowserResults> {
  const started = performance.now();
  const loadBefore = loadavg().map((n) => Math.round(n * 100) / 100);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run npm run setup -- --chromium`);
  if (!existsSync(join(ROOT, 'public/examples/echo.wasm'))) throw new Error('no examples: run npm run build:examples');
  log('browser: the app (vite build → dist/ unless it is up to date)');
  await ensureBuilt();
  const dist = join(ROOT, 'dist');
  const profile = mkdtempSync(join(tmpdir(), 'wasi-mcp-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    log('browser: bench page (fresh profile)');
    const page = await runPage(context, options, log);
    log('browser: app time to interactive (vite preview of dist/)');
    const preview = await startPreview();
    let tti: Tti;
    try {
      tti = await timeToInteractive(context, preview.url, TTI_RUNS);
    } finally {
      await preview.close();
    }
    const js = initialJs(dist);
    const results: BrowserResults = {
      chromium: context.browser()?.version() ?? 'unknown',
      loadAverage: { before: loadBefore, after: loadavg().map((n) => Math.round(n * 100) / 100) },
      ...page,
      app: { tti, initialJs: js },
      targets: targets(page, js),
      durationMs: Math.round(performance.now() - started),
    };
    summary(results, log);
    return results;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
