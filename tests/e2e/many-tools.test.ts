/**
 * A server with 300 tools. The list renders only the rows
 * in view (far fewer than 300 in the DOM, scrolling included), search finds a
 * late tool, and calling it through its form works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSuite, stopSuite, type Suite } from './harness.js';
import { loadExample, openTab, selectTool, settledResult } from './ui.js';

let suite: Suite | undefined;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

describe('many tools', () => {
  it('lists 300 tools virtualized, finds a late one by search, and calls it', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      await loadExample(page, 'many-tools');
      await openTab(page, 'Tools');
      const list = page.getByRole('list', { name: 'Tools' });
      const rows = list.getByRole('listitem');
      await page.getByText('300 of 300 tools').waitFor();
      const rendered = await rows.count();
      expect(rendered).toBeGreaterThan(0);
      expect(rendered).toBeLessThan(60);
      expect(await list.getByText('get_account', { exact: true }).count()).toBe(1);

      // Scrolled to the end, the last tools are rendered instead of the first.
      await list.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
        el.dispatchEvent(new Event('scroll'));
      });
      await list.getByText('restore_widget', { exact: true }).waitFor();
      expect(await list.getByText('get_account', { exact: true }).count()).toBe(0);
      expect(await rows.count()).toBeLessThan(60);

      // Tool 289 of 300: only search brings it into view from the top.
      await list.evaluate((el) => {
        el.scrollTop = 0;
        el.dispatchEvent(new Event('scroll'));
      });
      await selectTool(page, 'restore_message');
      await page.getByText('1 of 300 tools').waitFor();
      const tool = page.getByRole('region', { name: 'Tool restore_message' });
      expect(await tool.innerText()).toContain('Restore message records (tool 289 of 300)');
      await tool.getByLabel('id', { exact: true }).fill('m-42');
      await page.getByRole('button', { name: 'Call tool' }).click();
      const result = await settledResult(page, 'tools/call restore_message');
      expect(await result.locator('.content-text').innerText()).toBe('restore_message called with {"id":"m-42"}');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
