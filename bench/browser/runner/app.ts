/**
 * The built app. Time to interactive (navigation start to
 * the example picker being usable) in Chromium, and the gzip size of the JS
 * the page loads before anything is asked of it (Monaco and jco load lazily).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { median, round } from '../../stats.js';

export interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface InitialJs {
  /** index.html's module scripts and modulepreloads, and everything they import statically. */
  files: FileSize[];
  bytes: number;
  gzipBytes: number;
  /** Stylesheets index.html links, for comparison (not part of the target). */
  cssGzipBytes: number;
}

const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^'"`()]*?\bfrom\s*)?["']([^"']+\.js)["']/g;

function size(dist: string, file: string): FileSize {
  const data = readFileSync(join(dist, file));
  return { file, bytes: data.length, gzipBytes: gzipSync(data).length };
}

/** What index.html loads eagerly, followed through static imports; dynamic import() is lazy and left out. */
export function initialJs(dist: string): InitialJs {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const queue = tags
    .filter((t) => (t.startsWith('<script') && /type="module"/.test(t)) || /rel="modulepreload"/.test(t))
    .map((t) => attr(t, 'src') ?? attr(t, 'href'))
    .filter((u): u is string => u !== undefined)
    .map((u) => u.replace(/^\.?\//, ''));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(join(dir, m[1]).replace(/^\.?\//, ''));
  }
  const files = [...seen].map((f) => size(dist, f));
  const css = tags.filter((t) => /rel="stylesheet"/.test(t)).map((t) => size(dist, attr(t, 'href')!.replace(/^\.?\//, '')));
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
    cssGzipBytes: css.reduce((n, f) => n + f.gzipBytes, 0),
  };
}

/**
 * Marks the moment the picker is usable: the "Load example" button rendered,
 * enabled, next to an Example select with options (src/ui/features/loader/LoadBar.tsx).
 */
const WATCH_PICKER = `(() => {
  const ready = () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Load example');
    const select = button && button.form && button.form.querySelector('select');
    return Boolean(button && !button.disabled && select && select.options.length > 0);
  };
  const observer = new MutationObserver(() => {
    if (ready()) { window.__benchInteractive = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

export interface TtiRun {
  ttiMs: number;
  firstContentfulPaintMs: number | null;
  domContentLoadedMs: number;
  /** JS files fetched before the picker was usable (Resource Timing). */
  scripts: string[];
}

export interface Tti {
  /** The first visit in the fresh profile: nothing cached. */
  cold: TtiRun;
  /** Median of the later visits (HTTP cache warm). */
  warmMedianMs: number;
  warm: number[];
}

async function visit(context: BrowserContext, url: string): Promise<TtiRun> {
  const page = await context.newPage();
  try {
    await page.addInitScript(WATCH_PICKER);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __benchInteractive?: number }).__benchInteractive !== undefined, null, {
      timeout: 30_000,
    });
    return await page.evaluate(() => {
      const tti = (window as unknown as { __benchInteractive: number }).__benchInteractive;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const scripts = performance
        .getEntriesByType('resource')
        .filter((r) => r.startTime < tti && /\.m?js(\?|$)/.test(r.name))
        .map((r) => new URL(r.name).pathname.replace(/^.*\//, ''));
      return { ttiMs: tti, firstContentfulPaintMs: fcp ? fcp.startTime : null, domContentLoadedMs: nav.domContentLoadedEventEnd, scripts };
    });
  } finally {
    await page.close();
  }
}

export async function timeToInteractive(context: BrowserContext, url: string, runs: number): Promise<Tti> {
  const r1 = (x: number) => round(x, 1);
  const cold = await visit(context, url);
  const warm: number[] = [];
  for (let i = 1; i < runs; i++) warm.push(r1((await visit(context, url)).ttiMs));
  return {
    cold: { ...cold, ttiMs: r1(cold.ttiMs), domContentLoadedMs: r1(cold.domContentLoadedMs), firstContentfulPaintMs: cold.firstContentfulPaintMs === null ? null : r1(cold.firstContentfulPaintMs) },
    warmMedianMs: r1(median(warm)),
    warm,
  };
}
