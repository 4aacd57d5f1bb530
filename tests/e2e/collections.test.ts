/**
 * Collections in the page: save tool calls into a new collection, edit their
 * expectations (a bad edit is refused, saying where), find them again after a
 * reload, run them (one passes, one fails with its reason), export one and
 * import it back (and refuse a bad file, saying why), save the History
 * as a collection, and compare `everything` with `echo` loaded as its next
 * version: the registration diff and the answers that differ.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCollection } from '../../src/collections/format.js';
import { usePagePerTest } from './lifecycle.js';
import { openTab, selectTool, waitForPhase } from './ui.js';

const pages = usePagePerTest({ noErrors: true });

async function saveAdd(page: Page, a: string, b: string, name: string): Promise<void> {
  const tool = page.getByRole('region', { name: 'Tool add' });
  await tool.getByLabel('a', { exact: true }).fill(a);
  await tool.getByLabel('b', { exact: true }).fill(b);
  await tool.getByRole('button', { name: 'Save to collection…' }).click();
  const form = page.getByRole('form', { name: 'Save call' });
  await form.getByLabel('Call name').fill(name);
  await form.getByLabel('Collection').fill('math');
  await form.getByRole('button', { name: 'Save call' }).click();
  await tool.getByRole('status').filter({ hasText: `Saved as “${name}” in math.` }).waitFor();
}

async function editExpectations(page: Page, call: string, json: string): Promise<void> {
  const row = page.getByRole('listitem', { name: `Call ${call}` });
  await row.getByRole('button', { name: 'Edit' }).click();
  const editor = row.getByRole('form', { name: `Edit call ${call}` });
  await editor.getByLabel('Expectations (JSON)').fill(json);
  await editor.getByRole('button', { name: 'Save changes' }).click();
}

describe('collections', () => {
  it('saves, edits, keeps across a reload, runs, saves the history, and compares two versions', { timeout: 240_000 }, async () => {
    const { page } = await pages.openWith('everything');
    await selectTool(page, 'add');
    await saveAdd(page, '2', '40', 'sum is 42');
    await saveAdd(page, '1', '1', 'wrong sum');

    await openTab(page, 'Collections');
    const math = page.getByRole('region', { name: 'Collection math' });
    await editExpectations(page, 'wrong sum', '{"checks": [{"path": "sum", "equals": 3}]}');
    const refused = math.getByRole('listitem', { name: 'Call wrong sum' }).getByRole('alert');
    expect(await refused.innerText()).toContain('calls[1].expect.checks[0].path: must be a JSON Pointer');
    await math.getByLabel('Expectations (JSON)').fill('{"checks": [{"path": "/structuredContent/sum", "equals": 3}]}');
    await math.getByRole('button', { name: 'Save changes' }).click();
    await editExpectations(page, 'sum is 42', '{"isError": false, "checks": [{"path": "/structuredContent/sum", "equals": 42}]}');
    await expect.poll(() => math.getByRole('form').count()).toBe(0);

    await page.reload();
    // The saved workspace brings the server back.
    await waitForPhase(page, 'everything', 'ready');
    await openTab(page, 'Collections');
    expect(await math.getByRole('listitem').filter({ has: page.getByTestId('call-verdict') }).count()).toBe(2);
    await math.getByRole('button', { name: 'Run collection' }).click();
    await math.getByTestId('run-summary').filter({ hasText: 'on everything: 1 passed, 1 failed' }).waitFor({ timeout: 30_000 });
    const wrong = math.getByRole('listitem', { name: 'Call wrong sum' });
    expect(await wrong.getByTestId('call-verdict').innerText()).toBe('fail');
    expect(await wrong.getByRole('list', { name: 'Reasons' }).innerText()).toBe('/structuredContent/sum: expected 3, got 2');
    expect(await math.getByRole('listitem', { name: 'Call sum is 42' }).getByTestId('call-verdict').innerText()).toBe('pass');

    const [exported] = await Promise.all([page.waitForEvent('download'), math.getByRole('button', { name: 'Export' }).click()]);
    expect(exported.suggestedFilename()).toBe('math.collection.json');
    const file = await exported.path();
    const parsed = parseCollection(await readFile(file, 'utf8'));
    expect(parsed.ok && parsed.collection.calls.map((c) => c.name)).toEqual(['sum is 42', 'wrong sum']);
    const importer = page.getByLabel('Import collection…');
    await importer.setInputFiles(file);
    await page.getByRole('status').filter({ hasText: 'as “math (2)”' }).waitFor();
    await importer.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 2, "name": "x", "calls": []}') });
    const refusedFile = await page.getByRole('alert').filter({ hasText: 'bad.json is not a valid collection' }).innerText();
    expect(refusedFile).toContain('version: must be 1');
    expect(refusedFile).toContain('calls: must hold at least one call');

    await openTab(page, 'History');
    await page.getByRole('searchbox', { name: 'Filter history' }).fill('tools/call');
    await page.getByRole('button', { name: 'Save as collection…' }).click();
    const saveHistory = page.getByRole('form', { name: 'Save history as collection' });
    await saveHistory.getByLabel('Collection name').fill('from history');
    await saveHistory.getByRole('button', { name: 'Save matching calls' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved 2 calls as “from history”' }).waitFor();
    const fromHistory = page.getByRole('region', { name: 'Collection from history' });
    await fromHistory.getByRole('button', { name: 'Run collection' }).click();
    await fromHistory.getByTestId('run-summary').filter({ hasText: '2 passed, 0 failed' }).waitFor({ timeout: 30_000 });

    await openTab(page, 'Compare');
    await page.getByLabel('Next version from example').selectOption('echo');
    await page.getByRole('button', { name: 'Load next version', exact: true }).click();
    const next = page.getByRole('region', { name: 'Next version everything (next)' });
    await next.getByTestId('next-phase').filter({ hasText: 'ready' }).waitFor({ timeout: 45_000 });
    const tools = next.getByRole('region', { name: 'Tools changes' });
    await tools.waitFor({ timeout: 30_000 });
    const changes = await tools.innerText();
    expect(changes).toContain('added echo');
    expect(changes).toContain('removed add');
    expect(await page.getByRole('navigation', { name: 'Servers' }).innerText()).not.toContain('(next)');

    await next.getByLabel('Collection').selectOption('math');
    await next.getByRole('button', { name: 'Run on both' }).click();
    await next.getByTestId('answers-summary').filter({ hasText: 'math: 2 of 2 answers differ' }).waitFor({ timeout: 30_000 });
    // everything answers with a result, echo with an error: they differ in kind.
    expect(await next.getByRole('listitem', { name: 'Answer sum is 42' }).innerText()).toContain('/kind');
  });
});
