/**
 * Tasks in the page (2026-07-28, the tasks extension), with the conformance component: a tool run
 * as a task is followed in the Tasks tab to its result, another is cancelled, and a task's
 * question is answered in the request area. The task traffic is in History.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExamplePage } from './lifecycle.js';
import { openTab, selectTool, setEditorText } from './ui.js';

const opened = useExamplePage('conformance');

/** Starts `tool` as a task and returns its card in the Tasks tab. */
async function runAsTask(page: Page, tool: string, args: Record<string, unknown>, key: number): Promise<Locator> {
  await selectTool(page, tool);
  await setEditorText(page, 'Arguments (JSON)', JSON.stringify(args));
  await page.getByLabel('Run as task').check();
  await page.getByRole('button', { name: 'Call tool' }).click();
  await openTab(page, 'Tasks');
  return page.getByRole('listitem', { name: `Task ${key}: ${tool}` });
}

const status = (card: Locator) => card.getByTestId('task-status').innerText();

describe('tasks', () => {
  it('are offered only under 2026-07-28', async () => {
    const { page } = opened();
    await selectTool(page, 'slow_compute');
    expect(await page.getByLabel('Run as task').count()).toBe(0);
    await openTab(page, 'Server');
    await page.getByLabel('Protocol').selectOption('2026-07-28');
    await expect.poll(() => page.getByTestId('protocol-version').innerText(), { timeout: 30_000 }).toBe('2026-07-28');
    await selectTool(page, 'slow_compute');
    expect(await page.getByLabel('Run as task').count()).toBe(1);
  });

  it('run to completion: working, then completed with the result', async () => {
    const { page } = opened();
    const card = await runAsTask(page, 'slow_compute', { seconds: 2, label: 'the answer' }, 1);
    await expect.poll(() => status(card), { timeout: 15_000 }).toBe('working');
    await expect.poll(() => status(card), { timeout: 30_000 }).toBe('completed');
    expect(await card.getByLabel('Task result').innerText()).toContain('Computed the answer in 2 s');
    expect(await card.locator('.task-times').innerText()).toMatch(/Created\s*\d\d:\d\d:\d\d/);
  });

  it('are cancelled with Cancel', async () => {
    const { page } = opened();
    const card = await runAsTask(page, 'slow_compute', { seconds: 60 }, 2);
    await expect.poll(() => status(card), { timeout: 15_000 }).toBe('working');
    await card.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => status(card), { timeout: 30_000 }).toBe('cancelled');
    expect(await card.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
  });

  it('ask their questions in the request area and go on with the answer', async () => {
    const { page, errors } = opened();
    const card = await runAsTask(page, 'confirm_delete', { filename: 'notes.txt' }, 3);
    await expect.poll(() => status(card), { timeout: 15_000 }).toBe('input_required');
    const request = page.getByRole('region', { name: 'conformance asks for your input (elicitation)' });
    expect(await request.innerText()).toContain('Delete notes.txt?');
    await request.getByLabel('confirm', { exact: true }).check();
    await request.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => status(card), { timeout: 30_000 }).toBe('completed');
    expect(await card.getByLabel('Task result').innerText()).toContain('Deleted notes.txt');
    // Every task message is in History: the call, the polls, the answer, the cancel.
    await openTab(page, 'History');
    await page.getByRole('searchbox', { name: 'Filter history' }).fill('tasks/');
    const rows = (await page.getByRole('list', { name: 'History' }).getByRole('button').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    for (const method of ['tasks/get', 'tasks/update', 'tasks/cancel']) expect(rows.some((r) => r.includes(`sent request ${method}`))).toBe(true);
    expect(errors).toEqual([]);
  });
});
