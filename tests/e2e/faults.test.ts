/**
 * Faults in the playground: a running tool call can be cancelled
 * from the page, and a component that keeps failing is no longer restarted,
 * says so in its workspace, and can be restarted by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSuite, stopSuite, type Suite } from './harness.js';
import { applySandbox, callTool } from './sandbox-ui.js';
import { loadExample, selectTool, settledResult, waitForPhase, workspace } from './ui.js';

let suite: Suite | undefined;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

describe('faults', () => {
  it('cancels a running call from its Cancel call button; the next call works long before the deadline', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      // A deadline past the test's own timeout: only the cancellation can end the loop in time.
      await page.getByLabel('Request deadline (ms)').fill('600000');
      await loadExample(page, 'trap');
      await selectTool(page, 'loop');
      await page.getByRole('button', { name: 'Call tool' }).click();
      await page.getByRole('button', { name: 'Cancel call' }).click();
      const cancelled = await settledResult(page, 'tools/call loop');
      expect((await cancelled.getByRole('alert').innerText()).replace(/\s+/g, ' ')).toContain('cancelled from the playground');
      await expect.poll(() => page.getByRole('button', { name: 'Cancel call' }).count()).toBe(0);

      expect(await (await callTool(page, 'ok')).locator('.content-text').innerText()).toBe('ok');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows a crash loop clearly and restarts the component by hand', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      await loadExample(page, 'trap');
      await applySandbox(page, 'trap', (form) => form.getByLabel('Deadline per call (ms)').fill('500'));
      // Four deadlines in a row with no good answer between them: the supervisor gives up after the fourth.
      for (let i = 1; i <= 3; i++) {
        const result = await callTool(page, 'loop');
        expect(await result.getByRole('alert').innerText()).toContain('did not answer within 500 ms');
        await waitForPhase(page, 'trap', 'ready');
      }
      await callTool(page, 'loop');
      const stopped = workspace(page, 'trap').getByRole('alert').filter({ hasText: 'Restarts stopped' });
      await stopped.waitFor();
      expect((await stopped.innerText()).replace(/\s+/g, ' ')).toMatch(/CRASH_LOOP the component failed 4 times in a row .*not restarting it again/);
      expect(await workspace(page, 'trap').getByTestId('phase').innerText()).toBe('failed');

      await stopped.getByRole('button', { name: 'Restart component' }).click();
      await workspace(page, 'trap').getByRole('status').filter({ hasText: 'Restarted: restarted by hand.' }).waitFor({ timeout: 45_000 });
      await waitForPhase(page, 'trap', 'ready');
      expect(await workspace(page, 'trap').getByRole('alert').filter({ hasText: 'Restarts stopped' }).count()).toBe(0);
      expect(await (await callTool(page, 'ok')).locator('.content-text').innerText()).toBe('ok');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
