/** Several components at once, each its own server with its own state. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSuite, stopSuite, type Suite } from './harness.js';
import { loadExample, openTab, selectServer, selectTool, settledResult, workspace } from './ui.js';

let suite: Suite | undefined;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

describe('several servers', () => {
  it('loads two components at once and uses both, each with its own state', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      // Start both loads before either is ready.
      await page.getByLabel('Example').selectOption('everything');
      await page.getByRole('button', { name: 'Load example' }).click();
      await page.getByLabel('Example').selectOption('echo');
      await page.getByRole('button', { name: 'Load example' }).click();
      await workspace(page, 'echo').getByTestId('phase').filter({ hasText: /^ready$/ }).waitFor({ timeout: 45_000 });
      await loadExample(page, 'echo', 'ready', 'echo (2)');

      await selectServer(page, 'echo');
      await selectTool(page, 'echo');
      await page.getByRole('region', { name: 'Tool echo' }).getByLabel('text', { exact: true }).fill('first echo');
      await page.getByRole('button', { name: 'Call tool' }).click();
      expect(await (await settledResult(page, 'tools/call echo')).locator('.content-text').innerText()).toBe('first echo');

      await selectServer(page, 'everything');
      await workspace(page, 'everything').getByTestId('phase').filter({ hasText: /^ready$/ }).waitFor({ timeout: 45_000 });
      await selectTool(page, 'add');
      const add = page.getByRole('region', { name: 'Tool add' });
      await add.getByLabel('a', { exact: true }).fill('20');
      await add.getByLabel('b', { exact: true }).fill('22');
      await page.getByRole('button', { name: 'Call tool' }).click();
      expect(await (await settledResult(page, 'tools/call add')).locator('.content-text').first().innerText()).toBe('20 + 22 = 42');

      // Each server keeps its own last result and its own history.
      await selectServer(page, 'echo');
      await openTab(page, 'Tools');
      expect(await (await settledResult(page, 'tools/call echo')).locator('.content-text').innerText()).toBe('first echo');
      await openTab(page, 'History');
      const history = await page.getByRole('list', { name: 'History' }).innerText();
      expect(history).toContain('tools/call');
      expect(history).not.toContain('prompts/list');

      await selectServer(page, 'echo (2)');
      await openTab(page, 'History');
      expect(await page.getByRole('list', { name: 'History' }).innerText()).not.toContain('tools/call');

      // Closing one leaves the others working.
      await page.getByRole('button', { name: 'Close echo', exact: true }).click();
      expect(await page.getByRole('navigation', { name: 'Servers' }).getByRole('listitem').count()).toBe(2);
      await selectServer(page, 'everything');
      await selectTool(page, 'utf8');
      await page.getByRole('region', { name: 'Tool utf8' }).getByLabel('text', { exact: true }).fill('still');
      await page.getByRole('button', { name: 'Call tool' }).click();
      expect(await (await settledResult(page, 'tools/call utf8')).locator('.content-text').innerText()).toBe('still héllo 🌍');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
