/** The icons the everything example declares are shown beside its tools, resources, prompts and name. */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExamplePage } from './lifecycle.js';
import { openTab } from './ui.js';

const opened = useExamplePage('everything');

/** The icon inside `scope`: its address and whether the image decoded (the CSP let it through). */
async function icon(scope: Locator): Promise<{ src: string; decoded: boolean }> {
  const img = scope.locator('img.item-icon');
  await img.waitFor({ timeout: 30_000 });
  return img.evaluate(async (el: HTMLImageElement) => {
    await el.decode().catch(() => {});
    return { src: el.src, decoded: el.naturalWidth > 0 };
  });
}

describe('icons', () => {
  it('shows a tool’s icon in the list, and none for a tool without one', async () => {
    const { page, errors } = opened();
    await openTab(page, 'Tools');
    const list = page.getByRole('list', { name: 'Tools' });
    const row = (name: string) => list.getByRole('button').filter({ has: page.getByText(name, { exact: true }) });
    const add = row('add');
    expect(await icon(add)).toEqual({ src: expect.stringMatching(/^data:image\/svg\+xml,/), decoded: true });
    expect(await row('long').count()).toBe(1);
    expect(await row('long').locator('img').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows the server’s, a resource’s and a prompt’s icons', async () => {
    const { page } = opened();
    await openTab(page, 'Server');
    expect((await icon(page.getByTestId('server-name'))).decoded).toBe(true);
    await openTab(page, 'Resources');
    expect((await icon(page.getByRole('button').filter({ hasText: 'mem://greeting' }))).decoded).toBe(true);
    await openTab(page, 'Prompts');
    expect((await icon(page.getByRole('list', { name: 'Prompts' }).getByRole('button').filter({ hasText: 'greet' }))).decoded).toBe(true);
  });
});
