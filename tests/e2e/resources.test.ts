/**
 * List and read resources (text shown, binary offered as a
 * download and shown when it is an image), fill a template with completions
 * from the server, subscribe and see the update notification arrive.
 */
import { describe, expect, it } from 'vitest';
import type { Opened } from './harness.js';
import { useExamplePage } from './lifecycle.js';
import { openTab, selectTool, settledResult } from './ui.js';

const opened = useExamplePage('everything');

const contents = (page: Opened['page']) => page.getByRole('region', { name: 'Resource contents' });

async function pick(page: Opened['page'], uri: string): Promise<void> {
  await openTab(page, 'Resources');
  await page.getByRole('list', { name: 'Resources' }).getByRole('button').filter({ hasText: uri }).click();
}

describe('resources', () => {
  it('reads a text resource and a binary image resource', async () => {
    const { page } = opened();
    await pick(page, 'mem://greeting');
    await contents(page).locator('.content-text').filter({ hasText: 'Hello from the everything server! Ça va? 👋' }).waitFor();

    await pick(page, 'mem://logo.png');
    const image = contents(page).getByRole('img', { name: 'mem://logo.png (image/png)' });
    await expect.poll(() => image.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBe(16);
    const [download] = await Promise.all([page.waitForEvent('download'), contents(page).getByRole('link', { name: /Download logo\.png/ }).click()]);
    expect(download.suggestedFilename()).toBe('logo.png');
    expect(opened().errors).toEqual([]);
  });

  it('fills a template variable from server completions and reads the result', async () => {
    const { page } = opened();
    await openTab(page, 'Resources');
    await page.getByRole('list', { name: 'Resource templates' }).getByRole('button').filter({ hasText: 'mem://users/{id}' }).click();
    const form = page.getByRole('region', { name: 'Template mem://users/{id}' });
    await form.getByLabel('id', { exact: true }).fill('4');
    await form.getByRole('group', { name: 'Suggestions for id' }).getByRole('button', { name: '42' }).click();
    expect(await form.getByTestId('expanded-uri').innerText()).toBe('mem://users/42');
    await form.getByRole('button', { name: 'Read resource' }).click();
    await contents(page).locator('.content-text').filter({ hasText: '{"id":"42","name":"Douglas Adams"}' }).waitFor();
    expect(opened().errors).toEqual([]);
  });

  it('subscribes to a resource and sees the update notification arrive', async () => {
    const { page } = opened();
    await pick(page, 'mem://watched');
    const detail = page.getByRole('region', { name: 'Resource mem://watched' });
    await detail.getByRole('button', { name: 'Subscribe' }).click();
    await detail.getByRole('status').filter({ hasText: '0 updates received' }).waitFor();

    await selectTool(page, 'notify');
    await page.getByRole('button', { name: 'Call tool' }).click();
    const result = await settledResult(page, 'tools/call notify');
    expect(await result.innerText()).toContain('mem://watched is now version 2, subscribed');

    await pick(page, 'mem://watched');
    await detail.getByRole('status').filter({ hasText: '1 update received' }).waitFor();
    await openTab(page, 'Notifications');
    const list = page.getByRole('list', { name: 'Notifications' });
    await list.getByText('notifications/resources/updated').waitFor();
    expect(await list.innerText()).toContain('{"uri":"mem://watched"}');
    expect(await list.innerText()).toContain('notifications/tools/list_changed');

    await detail.getByRole('button', { name: 'Unsubscribe' }).click();
    await detail.getByRole('button', { name: 'Subscribe' }).waitFor();
    expect(opened().errors).toEqual([]);
  });
});
