/** Driving the playground by its visible labels and roles, as a person would. */
import type { Locator, Page } from 'playwright-core';

export const LOAD_TIMEOUT = 45_000;

/** The workspace of the server called `name` (exactly). */
export function workspace(page: Page, name: string): Locator {
  return page.getByRole('region', { name: `Server ${name}`, exact: true });
}

export async function waitForPhase(page: Page, name: string, phase: 'ready' | 'failed', timeout = LOAD_TIMEOUT): Promise<Locator> {
  const region = workspace(page, name);
  const settled = region.getByTestId('phase').filter({ hasText: /^(ready|failed)$/ });
  try {
    await settled.waitFor({ timeout });
  } catch (e) {
    const servers = await page.getByRole('navigation', { name: 'Servers' }).innerText().catch(() => '?');
    throw new Error(`${name} did not settle within ${timeout} ms (servers: ${servers.replace(/\s+/g, ' ')})`, { cause: e });
  }
  const actual = await settled.innerText();
  if (actual !== phase) {
    const said = await region.getByRole('alert').allInnerTexts();
    throw new Error(`${name} is ${actual}, not ${phase}: ${said.join(' / ')}`);
  }
  return region;
}

/** Loads a bundled example through the picker; `as` is the name it gets ("echo (2)" for a second copy). */
export async function loadExample(page: Page, example: string, phase: 'ready' | 'failed' = 'ready', as = example): Promise<Locator> {
  await page.getByLabel('Example').selectOption(example);
  await page.getByRole('button', { name: 'Load example' }).click();
  return waitForPhase(page, as, phase);
}

export async function selectServer(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Servers' }).getByText(name, { exact: true }).click();
  await workspace(page, name).waitFor();
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

/** Replaces the whole text of the Monaco editor labelled `label`. */
export async function setEditorText(page: Page, label: string, text: string): Promise<void> {
  const editor = page.getByTestId(`editor ${label}`);
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

export async function editorText(page: Page, label: string): Promise<string> {
  return page.getByTestId(`editor ${label}`).locator('.view-lines').innerText();
}

/** Selects a tool in the tools list of the current workspace. */
export async function selectTool(page: Page, name: string): Promise<void> {
  await openTab(page, 'Tools');
  // The list is virtualized: search first so the row is rendered.
  await page.getByRole('searchbox', { name: 'Search tools' }).fill(name);
  const list = page.getByRole('list', { name: 'Tools' });
  await list.getByText(name, { exact: true }).click();
  await page.getByRole('region', { name: `Tool ${name}` }).waitFor();
}

export function toolResult(page: Page): Locator {
  return page.getByRole('region', { name: 'Tool result' });
}

/** Waits until the last tool call settled and returns its result region. */
export async function settledResult(page: Page, label: string, timeout = 30_000): Promise<Locator> {
  const result = toolResult(page);
  await result.locator('h3').filter({ hasText: new RegExp(`${label.replace(/[/]/g, '\\/')} — \\d`) }).waitFor({ timeout });
  return result;
}
