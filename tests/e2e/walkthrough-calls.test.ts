/**
 * A new user's walkthrough, the calls: each tool keeps its own last result
 * while another call runs, a queued call says what it waits for, a running
 * call shows its time against the deadline, a restart notice stays small and
 * can be dismissed, an opened resource goes with the result it came from, and
 * a trap points at what the component wrote to stderr.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePagePerTest } from './lifecycle.js';
import { loadExample, selectTool, settledResult, toolResult, workspace } from './ui.js';

const pages = usePagePerTest({ noErrors: true });

async function setDeadline(page: Page, ms: number): Promise<void> {
  const field = page.getByLabel('Request deadline (ms)');
  await field.fill(String(ms));
  await field.press('Enter');
}

const text = async (page: Page) => (await toolResult(page).innerText({ timeout: 1000 })).replace(/\s+/g, ' ');

describe('walkthrough: calls', () => {
  it('keeps each tool its own result, says what a queued call waits for, and times a running call', async () => {
    const { page } = await pages.open();
    await setDeadline(page, 12_000);
    await loadExample(page, 'trap');
    await selectTool(page, 'loop');
    await page.getByRole('button', { name: 'Call tool' }).click();
    await expect.poll(() => text(page), { timeout: 15_000 }).toMatch(/Running for \d+(\.\d)? s of the 12 s deadline/);

    await selectTool(page, 'ok');
    // ok has not been called: nothing of loop's shows under it.
    expect(await toolResult(page).count()).toBe(0);
    await page.getByRole('button', { name: 'Call tool' }).click();
    await expect.poll(() => text(page), { timeout: 15_000 }).toContain('Waiting for the call to loop to finish');
    await settledResult(page, 'tools/call ok', 30_000);

    await selectTool(page, 'loop');
    const loop = await settledResult(page, 'tools/call loop', 30_000);
    expect((await loop.getByRole('alert').innerText()).replace(/\s+/g, ' ')).toContain('tools/call did not answer within 12000 ms');
  });

  it('keeps the restart notice on one line in the header, and it can be dismissed', async () => {
    const { page } = await pages.open();
    await setDeadline(page, 3000);
    const region = await loadExample(page, 'trap');
    await selectTool(page, 'loop');
    await page.getByRole('button', { name: 'Call tool' }).click();
    const notice = region.getByRole('status').filter({ hasText: 'Restarted 1 time' });
    await notice.waitFor({ timeout: 30_000 });
    // Each piece of the header stays on one line, at a width where they compete for room.
    await page.setViewportSize({ width: 1024, height: 768 });
    const oneLine = async (locator: Locator) => {
      const lineHeight = await locator.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
      return (await locator.boundingBox())!.height < lineHeight * 1.5;
    };
    expect(await oneLine(region.getByRole('heading', { name: 'trap', level: 2 }))).toBe(true);
    expect(await oneLine(region.getByTitle(/linear memory/))).toBe(true);
    expect(await oneLine(notice)).toBe(true);
    await region.getByRole('button', { name: 'Dismiss notice' }).click();
    expect(await notice.count()).toBe(0);
  });

  it('drops an opened resource preview when the tool is called again or another tool is called', async () => {
    const { page } = await pages.openWith('everything');
    await selectTool(page, 'link');
    await page.getByRole('button', { name: 'Call tool' }).click();
    await (await settledResult(page, 'tools/call link')).getByRole('button', { name: 'Open resource mem://logo.png' }).click();
    const preview = page.getByRole('region', { name: 'Resource mem://logo.png' });
    await preview.getByRole('img').waitFor();
    await page.getByRole('button', { name: 'Call tool' }).click();
    await settledResult(page, 'tools/call link');
    expect(await preview.count()).toBe(0);

    await (await settledResult(page, 'tools/call link')).getByRole('button', { name: 'Open resource mem://logo.png' }).click();
    await preview.getByRole('img').waitFor();
    await selectTool(page, 'image');
    await page.getByRole('button', { name: 'Call tool' }).click();
    await settledResult(page, 'tools/call image');
    expect(await preview.count()).toBe(0);
  });

  it('shows what the component wrote to stderr with a trap, and a way to the Output tab', async () => {
    const { page } = await pages.openWith('trap');
    await selectTool(page, 'trap');
    await page.getByRole('button', { name: 'Call tool' }).click();
    const result = await settledResult(page, 'tools/call trap');
    const alert = (await result.getByRole('alert').innerText()).replace(/\s+/g, ' ');
    expect(alert).toContain('deliberate trap');
    const link = result.getByRole('button', { name: /^See Output \(\d+ lines?\)$/ });
    await link.click();
    expect(await workspace(page, 'trap').getByRole('tab', { name: /^Output/ }).getAttribute('aria-selected')).toBe('true');
  });
});
