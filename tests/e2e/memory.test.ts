/**
 * Memory in the playground: each server shows its memory use and
 * limit, and a component that outgrows a limit set in the Sandbox view is
 * stopped with a message that says so, after which the next call works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSuite, stopSuite, type Suite } from './harness.js';
import { applySandbox, callTool } from './sandbox-ui.js';
import { loadExample, selectServer, workspace } from './ui.js';

let suite: Suite | undefined;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

/** The memory use in the header of the server's workspace, once a sample has arrived. */
async function memoryUse(page: Parameters<typeof workspace>[0], server: string): Promise<string> {
  const header = workspace(page, server).locator('.memory-use');
  await header.getByTestId('memory-use').filter({ hasText: /\d/ }).waitFor();
  return (await header.innerText()).replace(/\s+/g, ' ').trim();
}

describe('memory', () => {
  it("shows each server's memory use against its limit", async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      await loadExample(page, 'trap');
      await loadExample(page, 'echo');
      expect(await memoryUse(page, 'echo')).toMatch(/^Memory \d+(\.\d)? (KiB|MiB) of 512\.0 MiB$/);
      await selectServer(page, 'trap');
      expect(await memoryUse(page, 'trap')).toMatch(/^Memory \d+(\.\d)? (KiB|MiB) of 512\.0 MiB$/);
      const meter = workspace(page, 'trap').getByRole('meter', { name: 'Memory use' });
      expect(Number(await meter.getAttribute('value'))).toBeGreaterThan(0);
      expect(Number(await meter.getAttribute('max'))).toBe(512 * 2 ** 20);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('stops a component past a lower limit with a clear message, and the next call works', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      await loadExample(page, 'trap');
      await applySandbox(page, 'trap', (form) => form.getByLabel('Memory limit (MiB)').fill('64'));
      expect(await memoryUse(page, 'trap')).toMatch(/ of 64\.0 MiB$/);

      const result = await callTool(page, 'oom');
      const alert = (await result.getByRole('alert').innerText()).replace(/\s+/g, ' ');
      expect(alert).toContain('-32603');
      expect(alert).toMatch(/the component ran out of memory in callTool \(\d+ MiB in use, budget 64 MiB for all its memories\); it was restarted/);

      expect(await (await callTool(page, 'ok')).locator('.content-text').innerText()).toBe('ok');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
