/**
 * The raw JSON-RPC console sends any request or
 * notification and reports bad input before sending; every message appears
 * in the history with direction, method, id, size and round-trip time, can be
 * expanded and re-sent, and the whole can be exported as JSON Lines.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Opened } from './harness.js';
import { useExamplePage } from './lifecycle.js';
import { openTab, setEditorText } from './ui.js';

const opened = useExamplePage('everything');

const MESSAGE = 'JSON-RPC message';

async function send(page: Opened['page'], text: string): Promise<void> {
  await setEditorText(page, MESSAGE, text);
  await page.keyboard.press('ControlOrMeta+Enter');
}

function response(page: Opened['page']) {
  return page.getByRole('region', { name: 'Console response' });
}

describe('console and history', () => {
  it('sends a request typed in the console and shows the response', async () => {
    const { page } = opened();
    await openTab(page, 'Console');
    await send(page, '{"jsonrpc": "2.0", "id": "console-7", "method": "tools/call", "params": {"name": "add", "arguments": {"a": 1, "b": 2}}}');
    await response(page).getByLabel('Response').filter({ hasText: '1 + 2 = 3' }).waitFor();
    expect(await response(page).getByLabel('Response').innerText()).toContain('"id": "console-7"');
    expect(opened().errors).toEqual([]);
  });

  it('reports malformed JSON, invalid messages and responses before sending', async () => {
    const { page } = opened();
    await openTab(page, 'Console');
    const alert = page.locator('.console').getByRole('alert');
    const said = async () => (await alert.innerText()).replace(/\s+/g, ' ');
    await send(page, '{"jsonrpc": "2.0", "id": 1,');
    await expect.poll(said).toMatch(/^Not sent: Not JSON: /);
    await send(page, '{"id": 1, "method": "ping"}');
    await expect.poll(said).toMatch(/^Not sent: Not a JSON-RPC 2\.0 message/);
    await send(page, '{"jsonrpc": "2.0", "id": "x", "method": "tools/call", "params": {"name": 5}}');
    await expect.poll(said).toMatch(/^Not sent: Invalid tools\/call request: .*name/);
    await send(page, '{"jsonrpc": "2.0", "id": 3, "result": {}}');
    await expect.poll(said).toMatch(/^Not sent: Responses cannot be sent from the console/);
    // A valid notification goes out and clears the error.
    await send(page, '{"jsonrpc": "2.0", "method": "notifications/roots/list_changed"}');
    await response(page).getByText('Notification sent.').waitFor();
    expect(await alert.count()).toBe(0);
    expect(opened().errors).toEqual([]);
  });

  it('records both directions with method, id, size and round-trip time; an entry expands and can be re-sent', async () => {
    const { page } = opened();
    await openTab(page, 'History');
    await page.getByRole('searchbox', { name: 'Filter history' }).fill('tools/call');
    const rows = page.getByRole('list', { name: 'History' }).getByRole('button');
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    // A tools/call row names its tool, for the answer too.
    expect(texts).toContainEqual(expect.stringMatching(/→ sent request tools\/call add #console-7 \d+ B$/));
    expect(texts).toContainEqual(expect.stringMatching(/← recv result tools\/call add #console-7 \d+ B [\d.]+ m?s$/));

    await rows.filter({ hasText: '→ sent' }).first().click();
    const details = page.getByRole('region', { name: 'Message details' });
    expect(await details.getByLabel('Message').innerText()).toContain('"name": "add"');
    await opened().context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await details.getByRole('button', { name: 'Copy' }).click();
    await details.getByRole('button', { name: 'Copied' }).waitFor();
    expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toMatchObject({ id: 'console-7', method: 'tools/call' });
    await details.getByRole('button', { name: 'Re-send' }).click();
    await expect.poll(async () => (await rows.allInnerTexts()).filter((t) => t.includes('recv')).length).toBe(2);
    // The answer shows where Re-send was clicked.
    expect(await details.getByRole('region', { name: 'Re-sent answer' }).getByLabel('Answer').innerText()).toContain('"id": "console-7"');

    // The filter matches the tool's name as well as the method.
    await page.getByRole('searchbox', { name: 'Filter history' }).fill('add');
    await expect.poll(async () => (await rows.allInnerTexts()).length).toBe(4);
    expect(opened().errors).toEqual([]);
  });

  it('exports the session as JSON Lines', async () => {
    const { page } = opened();
    await openTab(page, 'History');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON Lines' }).click()]);
    expect(download.suggestedFilename()).toBe('everything-history.jsonl');
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ direction: 'client->server', kind: 'request', method: 'initialize' });
    expect(lines).toContainEqual(expect.objectContaining({ direction: 'server->client', kind: 'result', method: 'tools/call', id: 'console-7' }));
    expect(lines.every((l) => typeof l.size === 'number' && typeof l.message === 'object')).toBe(true);
    expect(opened().errors).toEqual([]);
  });
});
