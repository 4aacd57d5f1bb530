/**
 * With the supervisor of src/transport/supervised.ts: a tool that
 * never returns is stopped at the request deadline, the component's worker is
 * replaced, the next call works, and another server keeps answering meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSuite, stopSuite, type Suite } from './harness.js';
import { loadExample, selectServer, selectTool, settledResult, toolResult, waitForPhase, workspace } from './ui.js';

let suite: Suite | undefined;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

// Long enough that echo's call surely settles while loop still runs; the test checks that it does.
const DEADLINE_MS = 5000;

describe('a runaway component', () => {
  it('is stopped by the deadline; the next call works while a second server keeps answering', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      await page.getByLabel('Request deadline (ms)').fill(String(DEADLINE_MS));
      await loadExample(page, 'echo');
      await loadExample(page, 'trap');

      await selectTool(page, 'loop');
      await page.getByRole('button', { name: 'Call tool' }).click();

      // While trap spins, echo answers.
      await selectServer(page, 'echo');
      await selectTool(page, 'echo');
      await page.getByRole('region', { name: 'Tool echo' }).getByLabel('text', { exact: true }).fill('meanwhile');
      await page.getByRole('button', { name: 'Call tool' }).click();
      expect(await (await settledResult(page, 'tools/call echo')).locator('.content-text').innerText()).toBe('meanwhile');

      // echo answered while loop was still running.
      await selectServer(page, 'trap');
      await expect(toolResult(page).locator('h3').innerText()).resolves.toMatch(/tools\/call loop — running/);
      const result = await settledResult(page, 'tools/call loop', 20_000);
      const alert = (await result.getByRole('alert').innerText()).replace(/\s+/g, ' ');
      expect(alert).toContain(`tools/call did not answer within ${DEADLINE_MS} ms; the component was stopped and restarted`);

      await waitForPhase(page, 'trap', 'ready');
      await workspace(page, 'trap').getByRole('status').filter({ hasText: 'Restarted 1 time' }).waitFor({ timeout: 30_000 });
      await selectTool(page, 'ok');
      await page.getByRole('button', { name: 'Call tool' }).click();
      expect(await (await settledResult(page, 'tools/call ok', 30_000)).locator('.content-text').innerText()).toBe('ok');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('reports a trap as an error for that call only', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      await loadExample(page, 'trap');
      await selectTool(page, 'trap');
      await page.getByRole('button', { name: 'Call tool' }).click();
      const alert = (await (await settledResult(page, 'tools/call trap')).getByRole('alert').innerText()).replace(/\s+/g, ' ');
      expect(alert).toMatch(/the component trapped in callTool: .*it was restarted/);
      await selectTool(page, 'ok');
      await page.getByRole('button', { name: 'Call tool' }).click();
      expect(await (await settledResult(page, 'tools/call ok')).locator('.content-text').innerText()).toBe('ok');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
