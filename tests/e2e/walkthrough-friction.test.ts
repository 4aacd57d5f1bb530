/**
 * A new user's walkthrough, the smaller frictions: the empty page describes
 * the examples, a result can be read raw and copied as JSON, the registrations
 * the host refused are listed, the dock can be resized by keyboard and hidden,
 * its tabs count what arrived unseen, and notifications can be filtered.
 */
import { describe, expect, it } from 'vitest';
import { usePagePerTest } from './lifecycle.js';
import { loadExample, openTab, selectTool, settledResult, waitForPhase } from './ui.js';

const pages = usePagePerTest({ noErrors: true });

describe('walkthrough: friction', () => {
  it('describes the examples on the empty page and loads one from there', async () => {
    const { page } = await pages.open();
    const welcome = page.getByRole('region', { name: 'Welcome' });
    expect(await welcome.innerText()).toContain('The smallest useful server: one tool, echo');
    await welcome.getByRole('button', { name: 'Load echo', exact: true }).click();
    await waitForPhase(page, 'echo', 'ready');
  });

  it('shows a result raw and copies it as JSON', async () => {
    const { page, context } = await pages.openWith('everything');
    await selectTool(page, 'add');
    const detail = page.getByRole('region', { name: 'Tool add' });
    await detail.getByLabel('a', { exact: true }).fill('40');
    await detail.getByLabel('b', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Call tool' }).click();
    const result = await settledResult(page, 'tools/call add');
    await result.getByRole('button', { name: 'Raw' }).click();
    expect(JSON.parse(await result.getByLabel('Raw result').innerText())).toMatchObject({ structuredContent: { sum: 42 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await result.getByRole('button', { name: 'Copy as JSON' }).click();
    await result.getByRole('button', { name: 'Copied' }).waitFor();
    expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toMatchObject({ structuredContent: { sum: 42 } });
  });

  it('lists the registrations the host refused in the Server tab', async () => {
    const { page } = await pages.open();
    await loadExample(page, 'garbage');
    await openTab(page, 'Server');
    const refused = page.getByRole('region', { name: 'Refused registrations' });
    const items = await refused.getByRole('listitem').allInnerTexts();
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(items).toContain('register-server was already called');
  });

  it('resizes the dock with the arrow keys, hides it, counts unseen entries and filters notifications', async () => {
    const { page } = await pages.openWith('everything');
    const handle = page.getByRole('separator', { name: /Resize the timelines/ });
    const top = async () => (await handle.boundingBox())!.y;
    const before = await top();
    await handle.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
    await expect.poll(top, { timeout: 10_000 }).toBeLessThan(before - 60);
    const raised = await top();
    await page.keyboard.press('ArrowDown');
    await expect.poll(top, { timeout: 10_000 }).toBeGreaterThan(raised);

    // History is open; log lines arrive in Logs, which counts them.
    await selectTool(page, 'long');
    await page.getByRole('button', { name: 'Call tool' }).click();
    await settledResult(page, 'tools/call long');
    const logs = page.getByRole('tab', { name: 'Logs', exact: true });
    await expect.poll(() => logs.getAttribute('title')).toMatch(/^\d+ new$/);
    await logs.click();
    expect(await logs.getAttribute('title')).toBeNull();

    await page.getByRole('button', { name: 'Hide timelines' }).click();
    expect(await page.getByRole('tabpanel', { name: 'Logs' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Show timelines' }).click();
    await page.getByRole('tabpanel', { name: 'Logs' }).waitFor();

    await selectTool(page, 'notify');
    await page.getByRole('button', { name: 'Call tool' }).click();
    await settledResult(page, 'tools/call notify');
    await openTab(page, 'Notifications');
    await page.getByRole('searchbox', { name: 'Filter notifications' }).fill('list_changed');
    const rows = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
    await expect.poll(async () => (await rows.allInnerTexts()).length).toBeGreaterThan(0);
    expect((await rows.allInnerTexts()).every((t) => t.includes('list_changed'))).toBe(true);
  });
});
