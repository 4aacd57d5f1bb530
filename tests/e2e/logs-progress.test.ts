/**
 * Log messages with a level filter that sends
 * logging/setLevel, progress as a bar on the pending call, progress
 * notifications, and the component's stdout/stderr, each in its own panel.
 */
import { describe, expect, it } from 'vitest';
import type { Opened } from './harness.js';
import { useExamplePage } from './lifecycle.js';
import { openTab, selectTool, settledResult } from './ui.js';

const opened = useExamplePage('everything');

async function callLong(page: Opened['page'], steps: string) {
  await selectTool(page, 'long');
  await page.getByRole('region', { name: 'Tool long' }).getByLabel('steps', { exact: true }).fill(steps);
  await page.getByRole('button', { name: 'Call tool' }).click();
  return settledResult(page, 'tools/call long');
}

describe('logs, progress, notifications and output', () => {
  it('shows progress on the call, progress notifications and one log line per step', async () => {
    const { page } = opened();
    const result = await callLong(page, '5');
    expect(await result.locator('.content-text').innerText()).toBe('done after 5 steps');
    const bar = result.getByRole('progressbar', { name: 'Progress of tools/call long' });
    expect(await bar.getAttribute('value')).toBe('5');
    expect(await bar.getAttribute('max')).toBe('5');
    expect(await result.innerText()).toContain('Progress: 5 of 5');

    await openTab(page, 'Logs');
    const logs = page.getByRole('list', { name: 'Log messages' });
    await logs.getByText('long: step 5 of 5').waitFor();
    expect((await logs.getByRole('listitem').allInnerTexts()).filter((t) => /info\s+everything\s+long: step \d of 5/.test(t))).toHaveLength(5);

    await openTab(page, 'Notifications');
    const notes = page.getByRole('list', { name: 'Notifications' });
    await notes.getByText('notifications/progress').first().waitFor();
    expect(await notes.getByText('notifications/progress').count()).toBe(5);
    expect(await notes.innerText()).toContain('"progress":5,"total":5');
    expect(opened().errors).toEqual([]);
  });

  it('sends logging/setLevel from the level filter; lower messages stop arriving', async () => {
    const { page } = opened();
    await openTab(page, 'Logs');
    await page.getByLabel('Log level').selectOption('warning');
    await page.getByText('0 of 5 log messages').waitFor();
    await openTab(page, 'History');
    await page.getByRole('searchbox', { name: 'Filter history' }).fill('logging/setLevel');
    await page.getByRole('list', { name: 'History' }).getByText('← recv').waitFor();

    await callLong(page, '3');
    await openTab(page, 'Logs');
    await page.getByText('0 of 5 log messages').waitFor();
    await page.getByLabel('Log level').selectOption('debug');
    await page.getByText('5 of 5 log messages').waitFor();
    expect(opened().errors).toEqual([]);
  });

  it('shows the component stdout and stderr', async () => {
    const { page } = opened();
    await selectTool(page, 'fail');
    await page.getByRole('button', { name: 'Call tool' }).click();
    await settledResult(page, 'tools/call fail');
    await openTab(page, 'Output');
    const output = page.getByRole('list', { name: 'Component output' });
    await output.getByText('everything: the fail tool ran (this line is on stderr)').waitFor();
    const rows = (await output.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    expect(rows).toContainEqual(expect.stringMatching(/stdout everything: registered \d+ tools, \d+ resources, \d+ prompts$/));
    expect(rows).toContainEqual(expect.stringMatching(/stderr everything: the fail tool ran/));
    await page.getByLabel('stdout').uncheck();
    expect(await output.getByRole('listitem').count()).toBe(1);
    expect(opened().errors).toEqual([]);
  });
});
