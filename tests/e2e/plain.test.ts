/**
 * A component without wasi:mcp in the playground: the `typed` example loads
 * in its Web Worker, its exported functions are listed as tools, and one
 * called through its form answers with the function's result.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPage, startSuite, stopSuite, type Suite } from './harness.js';
import { loadExample, selectTool, settledResult } from './ui.js';

let suite: Suite | undefined;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

it('serves the exported functions of a plain component as tools in the browser', async () => {
  const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
  try {
    await loadExample(page, 'typed');
    await selectTool(page, 'greet');
    await page.getByRole('region', { name: 'Tool greet' }).getByLabel('name', { exact: true }).fill('browser');
    await page.getByRole('button', { name: 'Call tool' }).click();
    const result = await settledResult(page, 'tools/call greet');
    expect(await result.locator('.content-text').innerText()).toBe('"Hello, browser!"');
    await selectTool(page, 'ops.distance');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
