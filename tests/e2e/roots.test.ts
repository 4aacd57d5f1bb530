/**
 * Roots in the page: the list edited in the Server tab reaches the everything component's `roots`
 * tool under both protocol revisions (a roots/list request in 2025-11-25, announced by
 * notifications/roots/list_changed; an input_required round in 2026-07-28, whose retry History
 * marks as round 2 of the call).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExamplePage } from './lifecycle.js';
import { openTab, selectTool, settledResult } from './ui.js';

const opened = useExamplePage('everything');

async function askRoots(page: Page): Promise<string> {
  await selectTool(page, 'roots');
  await page.getByRole('button', { name: 'Call tool' }).click();
  return (await settledResult(page, 'tools/call roots')).locator('.content-text').innerText();
}

async function historyRows(page: Page, filter: string): Promise<string[]> {
  await openTab(page, 'History');
  await page.getByRole('searchbox', { name: 'Filter history' }).fill(filter);
  return (await page.getByRole('list', { name: 'History' }).getByRole('button').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
}

describe('roots', () => {
  it('2025-11-25: answers roots/list with the saved list and announces changes', async () => {
    const { page } = opened();
    expect(await askRoots(page)).toBe('no roots');
    await openTab(page, 'Server');
    const roots = page.getByRole('region', { name: 'Roots' });
    await roots.getByRole('button', { name: 'Add root' }).click();
    await roots.getByLabel('URI').fill('/not/a/uri');
    expect(await roots.getByRole('button', { name: 'Save roots' }).isDisabled()).toBe(true);
    await roots.getByLabel('URI').fill('file:///home/ada/project');
    await roots.getByLabel('Name').fill('project');
    await roots.getByRole('button', { name: 'Save roots' }).click();
    expect(await askRoots(page)).toBe('project (file:///home/ada/project)');
    expect((await historyRows(page, 'roots/')).filter((r) => r.includes('sent notification notifications/roots/list_changed'))).toHaveLength(1);
  });

  it('2026-07-28: answers the roots round, and History links the retry to the call', async () => {
    const { page, errors } = opened();
    await openTab(page, 'Server');
    await page.getByLabel('Protocol').selectOption('2026-07-28');
    await expect.poll(() => page.getByTestId('protocol-version').innerText(), { timeout: 30_000 }).toBe('2026-07-28');
    expect(await askRoots(page)).toBe('project (file:///home/ada/project)');
    const calls = await historyRows(page, 'tools/call');
    // The row names the tool (roots) after the method, then the round.
    expect(calls.some((r) => /sent request tools\/call roots round 2 of call #\d+/.test(r))).toBe(true);
    expect(errors).toEqual([]);
  });
});
