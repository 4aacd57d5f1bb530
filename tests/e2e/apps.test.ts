/**
 * MCP Apps (docs/apps.md), with the apps example: show-counter's view runs in
 * a sandboxed frame, gets the call's input and result, calls the app-only
 * increment through the page's Client (so it is in History) and is refused
 * the model-only reset-counter; it reaches nothing of the page and no
 * network; selecting another tool tears it down and leaves no listener.
 */
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExamplePage } from './lifecycle.js';
import { openTab, selectTool, settledResult } from './ui.js';

const opened = useExamplePage('apps');

const FRAME = 'iframe[title="App ui://apps/counter.html"]';
/** The view: the frame inside the sandbox frame. */
const view = (page: Page): FrameLocator => page.frameLocator(FRAME).frameLocator('iframe');
const count = (page: Page) => view(page).getByLabel('Count').innerText();

/** The view's frame for Playwright's frame API, which can evaluate where the page cannot. */
function viewFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.parentFrame()?.url().endsWith('/app-sandbox.html'));
  if (!frame) throw new Error(`no view frame among ${page.frames().map((f) => f.url()).join(', ')}`);
  return frame;
}

/** How many `message` listeners the page's window has (DevTools protocol: the page cannot ask this itself). */
async function messageListeners(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    return listeners.filter((l) => l.type === 'message').length;
  } finally {
    await cdp.detach();
  }
}

/** The page's `message` listeners before any view was shown, and while one runs. */
let listenersBefore = 0;
let listenersRunning = 0;

async function sentToolCalls(page: Page): Promise<number> {
  await openTab(page, 'History');
  await page.getByRole('searchbox', { name: 'Filter history' }).fill('tools/call');
  const rows = page.getByRole('list', { name: 'History' }).getByRole('button');
  // Every test here comes after a call of show-counter: wait until the list shows rows at all.
  await rows.filter({ hasText: 'sent' }).first().waitFor({ timeout: 10_000 });
  return (await rows.allInnerTexts()).filter((t) => t.includes('sent')).length;
}

describe('MCP Apps', () => {
  it('marks the tools only one side may call', async () => {
    const { page } = opened();
    await openTab(page, 'Tools');
    const list = page.getByRole('list', { name: 'Tools' });
    expect(await list.getByRole('button').filter({ hasText: 'increment' }).locator('.visibility').innerText()).toBe('app only');
    expect(await list.getByRole('button').filter({ hasText: 'reset-counter' }).locator('.visibility').innerText()).toBe('model only');
    expect(await list.getByRole('button').filter({ hasText: 'show-counter' }).locator('.visibility').count()).toBe(0);
    expect(opened().errors).toEqual([]);
  });

  it('shows show-counter\'s view with the call\'s input and result; its +1 calls increment, which History records', async () => {
    const { page } = opened();
    await selectTool(page, 'show-counter');
    await page.getByRole('region', { name: 'Tool show-counter' }).getByLabel('start', { exact: true }).fill('5');
    // The arguments editor (Monaco, loaded lazily) adds a listener of its own: counted before, once it is up.
    await page.getByTestId('editor Arguments (JSON)').locator('.monaco-editor').waitFor({ timeout: 30_000 });
    listenersBefore = await messageListeners(page);
    await page.getByRole('button', { name: 'Call tool' }).click();
    const result = await settledResult(page, 'tools/call show-counter');
    // The page's Client declared the Apps extension, so the component wrote no note for clients without it.
    expect(await result.locator('.content-text').innerText()).toBe('shown: the counter is at 5');
    const app = page.getByRole('region', { name: 'App', exact: true });
    await app.getByText('running').waitFor({ timeout: 15_000 });
    await expect.poll(() => count(page), { timeout: 15_000 }).toBe('5');
    // The bridge to the view listens on the page's window.
    listenersRunning = await messageListeners(page);
    expect(listenersRunning).toBeGreaterThan(listenersBefore);
    expect(await view(page).getByLabel('Tool input').innerText()).toBe('Called with {"start":5}');
    expect(await page.locator(FRAME).getAttribute('sandbox')).toBe('allow-scripts');
    expect(await page.frameLocator(FRAME).locator('iframe').getAttribute('sandbox')).toBe('allow-scripts');
    // The view reported its size and the frame took it (the stylesheet's 160px until then).
    await expect.poll(() => page.locator(FRAME).evaluate((e) => (e as HTMLIFrameElement).style.height), { timeout: 10_000 }).toMatch(/^\d+px$/);

    const before = await sentToolCalls(page);
    await view(page).getByRole('button', { name: '+1' }).click();
    await expect.poll(() => count(page), { timeout: 10_000 }).toBe('6');
    expect(await sentToolCalls(page)).toBe(before + 1);
    await page.getByRole('list', { name: 'History' }).getByRole('button').filter({ hasText: 'sent' }).last().click();
    expect(await page.getByRole('region', { name: 'Message details' }).getByLabel('Message').innerText()).toContain('"name": "increment"');
    expect(opened().errors).toEqual([]);
  });

  it('refuses the view a model-only tool without asking the server', async () => {
    const { page } = opened();
    const before = await sentToolCalls(page);
    await view(page).getByRole('button', { name: 'Reset (model only)' }).click();
    await expect.poll(() => view(page).getByRole('alert').innerText(), { timeout: 10_000 }).toContain('reset-counter refused');
    expect(await view(page).getByRole('alert').innerText()).toContain('not callable by apps');
    expect(await count(page)).toBe('6');
    expect(await sentToolCalls(page)).toBe(before);
    expect(opened().errors).toEqual([]);
  });

  it('gives the view nothing of the page and no network', async () => {
    const { page } = opened();
    const probes = await view(page).getByRole('list', { name: 'Isolation' }).getByRole('listitem').allInnerTexts();
    expect(probes).toEqual([
      'cookie: blocked (SecurityError)',
      'localStorage: blocked (SecurityError)',
      'parent document: blocked (SecurityError)',
      'page document: blocked (SecurityError)',
    ]);
    const frame = viewFrame(page);
    expect(await frame.evaluate(() => window.origin)).toBe('null');
    // The example declares no CSP domains, so the view gets connect-src 'none': even the page's own origin is refused.
    const reached = await frame.evaluate((url) => fetch(url).then(() => 'reached', (e: Error) => `refused: ${e.name}`), page.url());
    expect(reached).toBe('refused: TypeError');
    // Chromium reports the refusal as console errors: these, and only these, are expected.
    const errors = opened().errors.splice(0);
    const refusals = errors.filter((e) => /violates the following Content Security Policy directive: "connect-src 'none'"|Fetch API cannot load .*Content Security Policy/.test(e));
    expect(refusals.length).toBeGreaterThan(0);
    expect(errors.filter((e) => !refusals.includes(e))).toEqual([]);
  });

  it('tears the view down when another tool is selected, leaving no listener behind', async () => {
    const { page } = opened();
    const frame = viewFrame(page);
    // A listener of the test's own in the view: what it logs reaches Playwright, not the page.
    await frame.evaluate(() =>
      window.addEventListener('message', (e: MessageEvent<{ method?: string; params?: { reason?: string } }>) => {
        if (e.data?.method === 'ui/resource-teardown') console.log(`view asked to tear down: ${e.data.params?.reason}`);
      }),
    );
    const told = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('view asked to tear down'), timeout: 10_000 });
    await selectTool(page, 'increment');
    expect((await told).text()).toBe('view asked to tear down: another tool was selected');
    await expect.poll(() => page.locator(FRAME).count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByRole('region', { name: 'App', exact: true }).isHidden()).toBe(true);
    // Nothing of the view is left listening.
    // Exactly the bridge's listener is gone (the page's own, Monaco's among them, may have grown meanwhile).
    await expect.poll(() => messageListeners(page), { timeout: 15_000 }).toBe(listenersRunning - 1);
    expect(opened().errors).toEqual([]);
  });
});
