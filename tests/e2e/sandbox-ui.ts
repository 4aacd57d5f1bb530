/** Driving the Sandbox view by its visible labels. */
import type { Locator, Page } from 'playwright-core';
import { openTab, workspace } from './ui.js';

export function sandboxForm(page: Page): Locator {
  return page.getByRole('form', { name: 'Grants and limits' });
}

/** Opens the Sandbox tab, lets `edit` change the form, applies it and waits until the component is back. */
export async function applySandbox(page: Page, server: string, edit: (form: Locator) => Promise<void>): Promise<void> {
  await openTab(page, 'Sandbox');
  const form = sandboxForm(page);
  await edit(form);
  await form.getByRole('button', { name: 'Apply and restart' }).click();
  await workspace(page, server).getByRole('status').filter({ hasText: 'Restarted: new sandbox settings.' }).waitFor({ timeout: 45_000 });
  await workspace(page, server).getByTestId('phase').filter({ hasText: /^ready$/ }).waitFor();
}

/** Calls a tool with string arguments typed into its form; returns the settled result region. */
export async function callTool(page: Page, tool: string, args: Record<string, string> = {}): Promise<Locator> {
  await openTab(page, 'Tools');
  await page.getByRole('searchbox', { name: 'Search tools' }).fill(tool);
  await page.getByRole('list', { name: 'Tools' }).getByText(tool, { exact: true }).click();
  const region = page.getByRole('region', { name: `Tool ${tool}` });
  for (const [name, value] of Object.entries(args)) await region.getByLabel(name, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Call tool' }).click();
  const result = page.getByRole('region', { name: 'Tool result' });
  await result.locator('h3').filter({ hasText: new RegExp(`tools/call ${tool} — \\d`) }).waitFor({ timeout: 30_000 });
  return result;
}
