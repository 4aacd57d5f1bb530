/**
 * The dev server, where worker, wasm and Monaco worker URLs differ from the
 * build: load a component, call a tool, and print its WIT world, with no
 * page error; the features' CSS modules apply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectPolicy } from './csp.js';
import { openPage, startSuite, stopSuite, type Suite } from './harness.js';
import { loadExample, openTab, selectTool, settledResult } from './ui.js';

let suite: Suite | undefined;

beforeAll(async () => {
  suite = await startSuite({ dev: true });
});
afterAll(() => stopSuite(suite));

describe('npm start (vite dev server)', () => {
  it('serves the page with the same Content Security Policy as the build', async () => {
    await expectPolicy(suite!.preview.url);
  });

  it('applies the CSS modules beside the components under the policy (inserted as <style> elements)', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      // App.module.css lays the header out as a row; the global sheet has no rule for it.
      await page.getByRole('region', { name: 'Welcome' }).waitFor();
      expect(await page.getByRole('banner').evaluate((e) => getComputedStyle(e).display)).toBe('flex');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('loads a component, calls a tool and shows the WIT world', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      await loadExample(page, 'everything');
      await selectTool(page, 'utf8');
      await page.getByRole('region', { name: 'Tool utf8' }).getByLabel('text', { exact: true }).fill('dev');
      await page.getByRole('button', { name: 'Call tool' }).click();
      expect(await (await settledResult(page, 'tools/call utf8')).locator('.content-text').innerText()).toBe('dev héllo 🌍');
      await page.getByTestId('editor Arguments (JSON)').locator('.view-lines').filter({ hasText: 'dev' }).waitFor();
      await openTab(page, 'Server');
      const wit = page.getByTestId('editor WIT world').locator('.view-lines');
      await expect.poll(async () => (await wit.innerText()).replace(/\u00a0/g, ' '), { timeout: 30_000 }).toMatch(/^package root:component;/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
