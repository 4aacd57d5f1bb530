/**
 * One component spoken to at either protocol revision from the page: under 2026-07-28 the
 * component's question comes back as an input_required round, which the page shows as the same
 * form a 2025 session's elicitation request gets; the person's answer completes the call. The
 * revision can be changed on a loaded server, which connects again.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExamplePage } from './lifecycle.js';
import { openTab, selectTool, settledResult } from './ui.js';

const opened = useExamplePage('everything');

async function protocolVersion(page: Page): Promise<string> {
  await openTab(page, 'Server');
  return page.getByTestId('protocol-version').innerText();
}

async function speak(page: Page, era: string): Promise<void> {
  await openTab(page, 'Server');
  await page.getByLabel('Protocol').selectOption(era);
  await expect.poll(() => protocolVersion(page), { timeout: 30_000 }).toBe(era);
}

async function greet(page: Page, name: string): Promise<string> {
  await selectTool(page, 'ask-user');
  await page.getByRole('button', { name: 'Call tool' }).click();
  const request = page.getByRole('region', { name: 'everything asks for your input (elicitation)' });
  await request.getByLabel('Name', { exact: true }).fill(name);
  await request.getByRole('button', { name: 'Accept' }).click();
  return (await settledResult(page, 'tools/call ask-user')).locator('.content-text').innerText();
}

describe('protocol revisions in the page', () => {
  it('speaks 2025-11-25 until asked otherwise', async () => {
    const { page } = opened();
    expect(await protocolVersion(page)).toBe('2025-11-25');
    expect(await greet(page, 'Grace')).toBe('Hello, Grace!');
  });

  it('switches to 2026-07-28: the question is an input_required round answered in the same form', async () => {
    const { page, errors } = opened();
    await speak(page, '2026-07-28');
    expect(await greet(page, 'Ada')).toBe('Hello, Ada!');
    // The round is on the wire: the first tools/call was answered input_required, then retried.
    await openTab(page, 'History');
    await page.getByRole('searchbox', { name: 'Filter history' }).fill('tools/call');
    const rows = await page.getByRole('list', { name: 'History' }).getByRole('button').allInnerTexts();
    expect(rows.filter((r) => /sent request tools\/call/.test(r.replace(/\s+/g, ' '))).length).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
  });

  it('switches back to 2025-11-25', async () => {
    const { page } = opened();
    await speak(page, '2025-11-25');
    expect(await greet(page, 'Lin')).toBe('Hello, Lin!');
  });
});
