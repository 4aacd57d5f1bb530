/**
 * Monaco and jco load only when needed; the page runs
 * under a strict CSP; light and dark themes (saved); a 10,000-entry history
 * stays virtualized and responsive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSuite, stopSuite, type Suite } from './harness.js';
import { loadExample, openTab, selectTool, settledResult } from './ui.js';

let suite: Suite | undefined;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

const HEAVY = /CodeEditor|jsonMode|editor\.worker|json\.worker|js-component-bindgen|wasm-tools|browser-entry|wit-entry/;

describe('feel', () => {
  it('loads neither Monaco nor jco until they are needed', async () => {
    const context = await suite!.browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    // Once the page is idle it starts a component worker for the first load; that worker
    // has not fetched jco's transpiler, which a load fetches only when its cache has no copy.
    const idleWorker = page.waitForRequest(/browser-entry/);
    await page.goto(suite!.preview.url);
    await page.getByRole('button', { name: 'Load example' }).waitFor();
    await idleWorker;
    expect(requested.filter((u) => HEAVY.test(u) && !/browser-entry/.test(u))).toEqual([]);

    await loadExample(page, 'echo');
    expect(requested.some((u) => /browser-entry/.test(u))).toBe(true);
    expect(requested.some((u) => /js-component-bindgen.*\.wasm/.test(u))).toBe(true);
    await page.getByTestId('editor Arguments (JSON)').locator('.view-lines').waitFor();
    expect(requested.some((u) => /CodeEditor/.test(u))).toBe(true);
    await context.close();
  });

  it('runs under a Content-Security-Policy that refuses inline scripts', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' blob:");
      // An injected inline script is refused (Playwright's own evaluate is exempt, so test through the DOM).
      const directive = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
            const script = document.createElement('script');
            script.textContent = 'window.inlineRan = true';
            document.head.append(script);
          }),
      );
      expect(directive).toBe('script-src-elem');
      expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false);
      const refused = errors.splice(0).filter((e) => !/Content Security Policy/.test(e));
      expect(refused).toEqual([]);
      // Components, Monaco and its workers all work under it.
      await loadExample(page, 'echo');
      await page.getByTestId('editor Arguments (JSON)').locator('.view-lines').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('switches between light and dark themes and remembers the choice', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const light = await background();
      await page.getByRole('button', { name: 'Dark theme' }).click();
      expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await background()).not.toBe(light);
      await page.reload();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await loadExample(page, 'echo');
      await page.getByTestId('editor Arguments (JSON)').locator('.monaco-editor.vs-dark').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('keeps a 10,000-entry history virtualized and filterable', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      await loadExample(page, 'everything');
      // Each call of long with 500 steps sends 500 progress notifications and 500 log messages: the
      // host's budget of 1,000 notifications per call lets them all through, and a second between
      // calls keeps two calls out of one window of its 2,000-a-second budget.
      await selectTool(page, 'long');
      await page.getByRole('region', { name: 'Tool long' }).getByLabel('steps', { exact: true }).fill('500');
      for (let i = 0; i < 11; i++) {
        await page.getByRole('button', { name: 'Call tool' }).click();
        await settledResult(page, 'tools/call long', 60_000);
        await page.waitForFunction(() => !document.querySelector('[aria-label="Tool result"][aria-busy="true"]'));
        await page.waitForTimeout(1_100);
      }
      await openTab(page, 'History');
      const count = page.getByTestId('history-count');
      await expect.poll(async () => Number(/of (\d+) messages/.exec(await count.innerText())?.[1]), { timeout: 20_000 }).toBeGreaterThanOrEqual(10_000);

      const list = page.getByRole('list', { name: 'History' });
      expect(await list.getByRole('listitem').count()).toBeLessThan(100);
      await list.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
      await expect.poll(() => list.getByRole('listitem').first().innerText()).toMatch(/notifications\/(progress|message)/);

      await page.getByRole('searchbox', { name: 'Filter history' }).fill('tools/call');
      await page.getByText(/^22 of \d+ messages$/).waitFor();
      expect(await list.getByRole('listitem').count()).toBeLessThanOrEqual(22);

      await openTab(page, 'Logs');
      await page.getByText('5000 of 5000 log messages').waitFor();
      expect(await page.getByRole('list', { name: 'Log messages' }).getByRole('listitem').count()).toBeLessThan(100);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 180_000);
});
