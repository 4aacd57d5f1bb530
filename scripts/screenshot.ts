/**
 * Makes docs/screenshot.png, the README's picture of the real page: the built
 * app in Debian's Chromium (the e2e harness), two examples loaded, a tool
 * called through its form. `npm run screenshot` after a visible UI change.
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
  await close();
} finally {
  await stopSuite(suite);
}
