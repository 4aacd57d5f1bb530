/**
 * A new user's walkthrough, the layout: at 1440, 1024 and 800 px wide the
 * server list, tool list, tool heading, JSON editor and result each have their
 * own room; a server that asks a question keeps its name readable in the list.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePagePerTest } from './lifecycle.js';
import { selectTool, settledResult } from './ui.js';

const pages = usePagePerTest({ noErrors: true });

type Box = { x: number; y: number; width: number; height: number };
const box = async (locator: Locator): Promise<Box> => {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${String(locator)} is not shown`);
  return b;
};
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function checkLayout(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  // Let the editor's automatic layout catch up with the new size.
  await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
  const at = `at ${width}×${height}`;

  const servers = await box(page.getByRole('navigation', { name: 'Servers' }));
  expect(servers.width, `server list ${at}`).toBeGreaterThanOrEqual(100);
  expect(servers.x + servers.width, `server list ${at}`).toBeLessThanOrEqual(width);

  const detail = page.getByRole('region', { name: 'Tool add' });
  const heading = await box(detail.getByRole('heading', { level: 3 }));
  const list = await box(page.getByRole('list', { name: 'Tools' }));
  expect(overlap(list, heading), `tool list and tool heading ${at}`).toBe(false);

  const editor = await box(page.getByTestId('editor Arguments (JSON)'));
  const pane = await box(detail);
  expect(editor.x + editor.width, `editor inside its pane ${at}`).toBeLessThanOrEqual(pane.x + pane.width + 1);
  expect(editor.x + editor.width, `editor inside the window ${at}`).toBeLessThanOrEqual(width);

  const panel = await box(page.getByRole('tabpanel', { name: 'Tools' }));
  expect(panel.height, `room for the tools ${at}`).toBeGreaterThanOrEqual(height * 0.4);
  const result = page.getByRole('region', { name: 'Tool result' });
  await result.scrollIntoViewIfNeeded();
  const shown = await box(result);
  expect(shown.height, `the result ${at}`).toBeGreaterThanOrEqual(60);
  expect(shown.x + shown.width, `the result ${at}`).toBeLessThanOrEqual(width);
}

describe('walkthrough: layout', () => {
  it('fits at 1440, 1024 and 800 px wide', async () => {
    const { page } = await pages.openWith('everything');
    await selectTool(page, 'add');
    const detail = page.getByRole('region', { name: 'Tool add' });
    await detail.getByLabel('a', { exact: true }).fill('1');
    await detail.getByLabel('b', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Call tool' }).click();
    await settledResult(page, 'tools/call add');
    await checkLayout(page, 1440, 900);
    await checkLayout(page, 1024, 768);
    await checkLayout(page, 800, 700);
  });

  it('keeps the name of a server that asks a question readable in the server list', async () => {
    const { page } = await pages.openWith('everything');
    await selectTool(page, 'ask-user');
    await page.getByRole('button', { name: 'Call tool' }).click();
    const nav = page.getByRole('navigation', { name: 'Servers' });
    await nav.getByText('asks 1').waitFor();
    const name = nav.getByText('everything', { exact: true });
    expect(await name.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  });
});
