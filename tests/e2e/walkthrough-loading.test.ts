/**
 * A new user's walkthrough, loading by URL: a missing same-origin file (which
 * dev and preview servers answer with their index.html) is reported as not
 * found, and a cross-origin URL stopped by CORS says what the server must send.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePagePerTest } from './lifecycle.js';
import { waitForPhase } from './ui.js';

const pages = usePagePerTest();
let other: Server | undefined;
let otherUrl = '';

beforeAll(async () => {
  // Another origin (another port) that answers without Access-Control-Allow-Origin.
  other = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/wasm' }).end(Buffer.from([0, 0x61, 0x73, 0x6d])));
  await new Promise<void>((resolve) => other!.listen(0, '127.0.0.1', resolve));
  const address = other.address();
  otherUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/component.wasm`;
});
afterAll(() => new Promise<void>((resolve) => (other ? other.close(() => resolve()) : resolve())));

async function loadUrl(url: string, name: string) {
  const opened = await pages.open();
  await opened.page.getByLabel('Component URL').fill(url);
  await opened.page.getByRole('button', { name: 'Load URL' }).click();
  const region = await waitForPhase(opened.page, name, 'failed').catch((e: unknown) => e);
  const alert = (await opened.page.getByRole('region', { name: `Server ${name}`, exact: true }).getByRole('alert').innerText()).replace(/\s+/g, ' ');
  return { ...opened, alert, region };
}

describe('walkthrough: loading by URL', () => {
  it('reports a missing same-origin file as not found, not as "not WebAssembly"', async () => {
    const { alert, errors } = await loadUrl('examples/missing.wasm', 'missing');
    expect(alert).toContain('not found (the server answered an HTML page)');
    expect(alert).not.toContain('NOT_WASM');
    expect(errors).toEqual([]);
  });

  it('says that CORS likely stopped a cross-origin fetch and what the server must send', async () => {
    const { alert, errors } = await loadUrl(otherUrl, 'component');
    expect(alert).toMatch(/CORS/);
    expect(alert).toContain('Access-Control-Allow-Origin');
    // Chromium itself logs the blocked request; nothing else may fail.
    expect(errors.filter((e) => !/CORS policy|Failed to load resource/.test(e))).toEqual([]);
  });
});
