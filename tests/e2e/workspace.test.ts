/**
 * The workspace survives a reload: an example and an opened file come back
 * with their protocol era, sandbox settings and history; Forget workspace
 * asks, then closes them and nothing comes back after the next reload. A
 * ?url= server that came back is shown, not opened a second time.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../helpers/examples.js';
import { usePagePerTest } from './lifecycle.js';
import { applySandbox, callTool, sandboxForm } from './sandbox-ui.js';
import { loadExample, openTab, selectServer, waitForPhase, workspace } from './ui.js';

const pages = usePagePerTest({ noErrors: true });

const saveState = (page: Page) => page.getByTestId('workspace-state');

async function historyText(page: Page): Promise<string> {
  await openTab(page, 'History');
  const rows = page.getByRole('list', { name: 'History' }).getByRole('button');
  return (await rows.allInnerTexts()).join('\n').replace(/\s+/g, ' ');
}

it('brings back servers with their era, sandbox and history after a reload, until forgotten', async () => {
  const { page } = await pages.open();
  await loadExample(page, 'echo');
  await page.getByLabel('Open .wasm file…').setInputFiles(join(EXAMPLES_DIR, 'capabilities.wasm'));
  await waitForPhase(page, 'capabilities', 'ready');
  await applySandbox(page, 'capabilities', (form) => form.getByLabel('Environment variables').fill('GREETING=kept'));
  await openTab(page, 'Server');
  await page.getByLabel('Protocol').selectOption('2026-07-28');
  await workspace(page, 'capabilities').getByTestId('protocol-version').filter({ hasText: '2026-07-28' }).waitFor({ timeout: 30_000 });
  const result = await callTool(page, 'env');
  expect(await result.locator('.content-text').innerText()).toBe('{"GREETING":"kept"}');
  await expect.poll(() => historyText(page), { timeout: 10_000 }).toMatch(/← recv result tools\/call/);
  await saveState(page).filter({ hasText: /^Workspace saved$/ }).waitFor({ timeout: 10_000 });

  await page.reload();
  // The server shown before the reload is shown again.
  await waitForPhase(page, 'capabilities', 'ready');
  await selectServer(page, 'echo');
  await waitForPhase(page, 'echo', 'ready');
  await selectServer(page, 'capabilities');
  await openTab(page, 'Server');
  expect(await page.getByLabel('Protocol').inputValue()).toBe('2026-07-28');
  expect(await workspace(page, 'capabilities').getByTestId('protocol-version').innerText()).toBe('2026-07-28');
  await openTab(page, 'Sandbox');
  expect(await sandboxForm(page).getByLabel('Environment variables').inputValue()).toBe('GREETING=kept');
  expect(await historyText(page)).toMatch(/← recv result tools\/call/);
  // The settings are in force, not only shown.
  expect(await (await callTool(page, 'env')).locator('.content-text').innerText()).toBe('{"GREETING":"kept"}');

  // Forgetting asks first; Cancel and Escape keep everything.
  const ask = page.getByRole('group', { name: 'Forget workspace?' });
  await page.getByRole('button', { name: 'Forget workspace' }).click();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Forget workspace' }).click();
  await page.keyboard.press('Escape');
  await ask.waitFor({ state: 'detached' });
  expect(await serverNames(page)).toEqual(['echo', 'capabilities']);
  await page.getByRole('button', { name: 'Forget workspace' }).click();
  await ask.getByRole('button', { name: 'Forget', exact: true }).click();
  await page.getByText('None loaded yet.').waitFor();
  await page.reload();
  // Restoring is over once the button is enabled again.
  await expect.poll(() => page.getByRole('button', { name: 'Forget workspace' }).isEnabled(), { timeout: 10_000 }).toBe(true);
  expect(await page.getByRole('navigation', { name: 'Servers' }).getByText('None loaded yet.').count()).toBe(1);
}, 180_000);

/** The names in the Servers list, in order (read from each server's Close button). */
async function serverNames(page: Page): Promise<string[]> {
  const close = page.getByRole('navigation', { name: 'Servers' }).getByRole('button', { name: /^Close / });
  return (await close.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''))).map((label) => label.replace(/^Close /, ''));
}

it('shows the restored server of ?url= after a reload instead of opening it a second time', async () => {
  const { page } = await pages.open('?url=examples/echo.wasm');
  await waitForPhase(page, 'echo', 'ready');
  // Another server is the one shown when the workspace is saved.
  await loadExample(page, 'trap');
  // Once trap is up its change is in the next save, so "saved" cannot be echo's alone.
  await waitForPhase(page, 'trap', 'ready');
  await saveState(page).filter({ hasText: /^Workspace saved$/ }).waitFor({ timeout: 10_000 });

  await page.reload();
  await expect.poll(() => page.getByRole('button', { name: 'Forget workspace' }).isEnabled(), { timeout: 10_000 }).toBe(true);
  expect(await serverNames(page)).toEqual(['echo', 'trap']);
  await waitForPhase(page, 'echo', 'ready');
  expect(await page.getByRole('navigation', { name: 'Servers' }).locator('[aria-current="true"]').innerText()).toMatch(/^echo\b/);
}, 120_000);
