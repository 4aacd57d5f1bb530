/**
 * A remote server: the page connects by URL to `wasi-mcp serve --http`, lists
 * and calls its tools with the same views as a component, and explains a
 * refusal by CORS in terms of what the server must allow.
 */
import { describe, expect, it } from 'vitest';
import { startHttp } from '../helpers/cli.js';
import { examplePath } from '../helpers/examples.js';
import { usePagePerTest } from './lifecycle.js';
import { openTab, selectTool, settledResult, waitForPhase } from './ui.js';

const pages = usePagePerTest();

async function connect(page: import('playwright-core').Page, url: string): Promise<void> {
  await page.getByRole('textbox', { name: 'MCP server URL' }).fill(url);
  await page.getByRole('button', { name: 'Connect to MCP server URL' }).click();
}

describe('remote servers', () => {
  it('connects by URL to a server that allows the page, calls a tool and records it in History', async () => {
    const origin = new URL(pages.suite().preview.url).origin;
    const server = await startHttp([examplePath('everything'), '--allow-origin', origin]);
    try {
      const { page, errors } = await pages.open();
      await connect(page, server.url.href);
      const region = await waitForPhase(page, server.url.host, 'ready');
      await openTab(page, 'Server');
      expect(await region.getByTestId('server-name').innerText()).toBe('everything');
      expect(await region.getByRole('region', { name: 'World' }).count()).toBe(0);

      await selectTool(page, 'add');
      const tool = page.getByRole('region', { name: 'Tool add' });
      await tool.getByLabel('a', { exact: true }).fill('2');
      await tool.getByLabel('b', { exact: true }).fill('40');
      await page.getByRole('button', { name: 'Call tool' }).click();
      const result = await settledResult(page, 'tools/call add');
      expect(await result.locator('.content-text').first().innerText()).toBe('2 + 40 = 42');

      await openTab(page, 'History');
      await page.getByRole('searchbox', { name: 'Filter history' }).fill('tools/call');
      const rows = page.getByRole('list', { name: 'History' }).getByRole('button');
      await expect.poll(async () => (await rows.allInnerTexts()).join('\n').replace(/[ \t\n]+/g, ' '), { timeout: 10_000 }).toMatch(/← recv result tools\/call/);

      // 2026-07-28 sends more headers (Mcp-Method, Mcp-Name): the preflight allows them too.
      await openTab(page, 'Server');
      await page.getByLabel('Protocol').selectOption('2026-07-28');
      await region.getByTestId('protocol-version').filter({ hasText: '2026-07-28' }).waitFor({ timeout: 30_000 });
      await selectTool(page, 'add');
      await tool.getByLabel('a', { exact: true }).fill('1');
      await tool.getByLabel('b', { exact: true }).fill('2');
      await page.getByRole('button', { name: 'Call tool' }).click();
      await result.locator('.content-text').filter({ hasText: '1 + 2 = 3' }).waitFor({ timeout: 30_000 });

      // The views of a worker do not apply, and say so.
      await openTab(page, 'Sandbox');
      await expect.poll(() => region.getByText(/do not apply to a remote server/).count()).toBe(1);

      // A remote server is part of the saved workspace: it connects again after a reload, in its era.
      await page.getByTestId('workspace-state').filter({ hasText: /^Workspace saved$/ }).waitFor({ timeout: 10_000 });
      await page.reload();
      await waitForPhase(page, server.url.host, 'ready');
      await openTab(page, 'Server');
      expect(await region.getByTestId('protocol-version').innerText()).toBe('2026-07-28');
      expect(errors).toEqual([]);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('says that CORS stopped a server that does not allow the page, and what it must allow', async () => {
    const origin = new URL(pages.suite().preview.url).origin;
    const server = await startHttp([examplePath('echo')]);
    try {
      const { page, errors } = await pages.open();
      await connect(page, server.url.href);
      const region = await waitForPhase(page, server.url.host, 'failed');
      const alert = await region.getByRole('alert').innerText();
      expect(alert).toContain('CORS_REFUSED');
      expect(alert).toContain(`Access-Control-Allow-Origin: ${origin}`);
      expect(alert).toContain('Access-Control-Expose-Headers: Mcp-Session-Id');
      expect(alert).toContain(`--allow-origin ${origin}`);
      // The browser itself reports the refused request; nothing else went wrong.
      expect(errors.filter((e) => !/CORS policy|Failed to load resource/.test(e))).toEqual([]);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
