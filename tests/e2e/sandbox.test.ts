/**
 * Grants in the playground: deny by default with the denial shown,
 * and grants set in the Sandbox view (an HTTP origin, an environment
 * variable, an uploaded file) reach the capabilities component after it
 * restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSuite, stopSuite, type Suite } from './harness.js';
import { applySandbox, callTool } from './sandbox-ui.js';
import { loadExample, openTab } from './ui.js';

let suite: Suite | undefined;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

describe('the Sandbox view', () => {
  it('reports an HTTP request the component was not granted: an error in the result, the origin in Denied and in the logs', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      await loadExample(page, 'capabilities');
      const result = await callTool(page, 'fetch', { url: 'http://127.0.0.1:9/secret' });
      expect(await result.getByRole('alert').innerText()).toContain('denied: HTTP-request-denied');

      await openTab(page, 'Sandbox');
      const denied = page.getByRole('region', { name: 'Denied' });
      await denied.getByText('http://127.0.0.1:9', { exact: true }).waitFor();
      expect(await denied.innerText()).toContain('outgoing HTTP to http://127.0.0.1:9');

      await openTab(page, 'Logs');
      await page.getByRole('list', { name: 'Log messages' }).getByText('denied outgoing HTTP to http://127.0.0.1:9').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('lets a request through to an origin on the allow-list, and nothing is denied', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      const origin = new URL(suite!.preview.url).origin;
      await loadExample(page, 'capabilities');
      await applySandbox(page, 'capabilities', (form) => form.getByLabel('Allowed HTTP origins').fill(origin));
      const result = await callTool(page, 'fetch', { url: `${origin}/examples/index.json` });
      const text = await result.locator('.content-text').innerText();
      expect(text).toMatch(/^status 200: \[/);
      expect(text).toContain('"name": "capabilities"');

      await openTab(page, 'Sandbox');
      expect(await page.getByRole('region', { name: 'Denied' }).innerText()).toContain('Nothing denied so far.');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('grants an environment variable: after the restart the env tool sees it, and the history keeps the earlier call', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      await loadExample(page, 'capabilities');
      expect(await (await callTool(page, 'env')).locator('.content-text').innerText()).toBe('{}');

      await applySandbox(page, 'capabilities', (form) => form.getByLabel('Environment variables').fill('GREETING=hello from the sandbox'));
      const result = await callTool(page, 'env');
      expect(await result.locator('.content-text').innerText()).toBe('{"GREETING":"hello from the sandbox"}');

      // Both calls and both initializations, each a request and its answer: nothing from before the restart is lost.
      await openTab(page, 'History');
      const filter = page.getByRole('searchbox', { name: 'Filter history' });
      const count = () => page.getByTestId('history-count').innerText();
      await filter.fill('tools/call');
      await expect.poll(count).toMatch(/^4 of \d+ messages$/);
      await filter.fill('initialize');
      // initialize twice, each request and answer, and notifications/initialized twice.
      await expect.poll(count).toMatch(/^6 of \d+ messages$/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('fills the in-memory directory with an uploaded file, kept across tabs until applied, that read-file then reads', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      await loadExample(page, 'capabilities');
      const denied = await callTool(page, 'read-file', { path: '/data/notes.txt' });
      expect(await denied.getByRole('alert').innerText()).toContain('no preopened directory for /data/notes.txt');

      await applySandbox(page, 'capabilities', async (form) => {
        await form.getByLabel('Upload files').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('uploaded ✓ text') });
        await form.getByRole('list', { name: 'Files in /data' }).getByText('notes.txt').waitFor();
        // Edits not applied yet survive a look at another tab.
        await openTab(page, 'Tools');
        await openTab(page, 'Sandbox');
        await form.getByRole('list', { name: 'Files in /data' }).getByText('notes.txt').waitFor({ timeout: 2_000 });
      });
      const result = await callTool(page, 'read-file', { path: '/data/notes.txt' });
      expect(await result.locator('.content-text').innerText()).toBe('uploaded ✓ text');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
