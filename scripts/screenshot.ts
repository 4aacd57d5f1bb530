/**
 * Makes the README's pictures of the real page, the built app in Debian's
 * Chromium (the e2e harness): docs/screenshot.png (two examples loaded, a tool
 * called through its form) and docs/screenshot-apps.png (the apps example's
 * MCP App view after a call). `npm run screenshot` after a visible UI change.
 */
import { join } from 'node:path';
import { openPage, ROOT, startSuite, stopSuite } from '../tests/e2e/harness.js';
import { loadExample, selectServer, selectTool, settledResult } from '../tests/e2e/ui.js';

const suite = await startSuite();
try {
  const { page, close } = await openPage(suite.browser, suite.preview.url);
  await loadExample(page, 'echo');
  await loadExample(page, 'everything');
  await selectServer(page, 'everything');
  await selectTool(page, 'add');
  const form = page.getByRole('region', { name: 'Tool add' });
  await form.getByLabel('a', { exact: true }).fill('2');
  await form.getByLabel('b', { exact: true }).fill('40.5');
  await page.getByRole('button', { name: 'Call tool' }).click();
  await settledResult(page, 'tools/call add');
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshot.png') });

  await loadExample(page, 'apps');
  await selectTool(page, 'show-counter');
  await page.getByRole('region', { name: 'Tool show-counter' }).getByLabel('start', { exact: true }).fill('41');
  await page.getByRole('button', { name: 'Call tool' }).click();
  await settledResult(page, 'tools/call show-counter');
  const view = page.frameLocator('iframe[title="App ui://apps/counter.html"]').frameLocator('iframe');
  await view.getByRole('button', { name: '+1' }).click();
  await view.getByText('42').waitFor({ timeout: 15_000 });
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshot-apps.png') });
  await close();
} finally {
  await stopSuite(suite);
}
