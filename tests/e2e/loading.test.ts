/**
 * Every bundled example loads (picker, file button,
 * drag-and-drop, ?url=), shows its stages with times, and lists its tools,
 * resources and prompts; the server view shows the WIT world in Monaco.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../helpers/examples.js';
import { expectPolicy } from './csp.js';
import type { Opened } from './harness.js';
import { usePagePerTest } from './lifecycle.js';
import { loadExample, openTab, waitForPhase, workspace } from './ui.js';

const pages = usePagePerTest();
const open = pages.open;

async function listed(page: Opened['page'], tab: string, list: string): Promise<string[]> {
  await openTab(page, tab);
  return page.getByRole('list', { name: list }).locator('.item-title').allInnerTexts();
}

describe('loading', () => {
  it('serves the built page with its Content Security Policy', async () => {
    await expectPolicy(pages.suite().preview.url);
  });

  it('loads everything from the picker and lists its tools, resources, templates and prompts', async () => {
    const { page, errors } = await open();
    await loadExample(page, 'everything');
    const tools = (await listed(page, 'Tools', 'Tools')).join('\n');
    for (const name of ['add', 'image', 'link', 'long']) expect(tools).toContain(name);
    const resources = (await listed(page, 'Resources', 'Resources')).join('\n');
    for (const uri of ['mem://greeting', 'mem://logo.png', 'mem://watched']) expect(resources).toContain(uri);
    expect(await page.getByRole('list', { name: 'Resource templates' }).innerText()).toContain('mem://users/{id}');
    const prompts = (await listed(page, 'Prompts', 'Prompts')).join('\n');
    expect(prompts).toContain('greet');
    expect(prompts).toContain('summarize');
    expect(errors).toEqual([]);
  });

  it('loads every bundled server example in one page and lists its tools', async () => {
    const { page, errors } = await open();
    const index = (await (await fetch(new URL('examples/index.json', pages.suite().preview.url))).json()) as { name: string; kind: string }[];
    const servers = index.filter((e) => e.kind === 'server').map((e) => e.name);
    expect(servers).toEqual(expect.arrayContaining(['echo', 'echo-js', 'everything']));
    for (const name of servers) {
      await loadExample(page, name);
      expect((await listed(page, 'Tools', 'Tools')).length).toBeGreaterThan(0);
    }
    expect(await page.getByRole('navigation', { name: 'Servers' }).getByRole('listitem').count()).toBe(servers.length);
    expect(errors).toEqual([]);
    // Ten examples, three of them SpiderMonkey builds of about 12 MiB to transpile in the page.
  }, 180_000);

  it('shows each stage with its time, then name, protocol version, capabilities and the WIT world', async () => {
    const { page, errors } = await open();
    const region = await loadExample(page, 'everything');
    await openTab(page, 'Server');
    expect(await region.getByTestId('server-name').innerText()).toBe('everything');
    expect(await region.getByTestId('protocol-version').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await region.getByRole('region', { name: 'Capabilities' }).innerText()).toContain('"subscribe": true');
    await region.getByText('Load times').click();
    const stages = await region.getByRole('list', { name: 'Loading stages' }).getByRole('listitem').allInnerTexts();
    expect(stages.map((s) => s.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^✓ Reading [\d.]+ m?s$/),
      expect.stringMatching(/^✓ Transpiling [\d.]+ m?s$/),
      expect.stringMatching(/^✓ Compiling [\d.]+ m?s$/),
      expect.stringMatching(/^✓ Instantiating [\d.]+ m?s$/),
      expect.stringMatching(/^✓ Registering [\d.]+ m?s$/),
      expect.stringMatching(/^✓ Initializing MCP [\d.]+ m?s$/),
    ]);
    const wit = page.getByTestId('editor WIT world');
    const text = async () => (await wit.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
    await expect.poll(text, { timeout: 30_000 }).toMatch(/^package root:component;\s+world root \{/);
    // Monaco renders only the lines in view: scroll to the wasi:mcp imports and exports.
    await wit.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+End');
    await expect.poll(text).toMatch(/import wasi:mcp\/runtime@0\.1\.0;[\s\S]*export wasi:mcp\/handlers@0\.1\.0;/);
    expect(errors).toEqual([]);
  });

  it('loads the SpiderMonkey echo-js example; it has tools but no resources or prompts', async () => {
    const { page, errors } = await open();
    await loadExample(page, 'echo-js');
    expect(await listed(page, 'Tools', 'Tools')).toEqual(['echo']);
    await openTab(page, 'Resources');
    await page.getByText('This server offers no resources.').waitFor();
    await openTab(page, 'Prompts');
    await page.getByText('This server offers no prompts.').waitFor();
    expect(errors).toEqual([]);
  });

  it('loads a component from the file button and from a drop on the page', async () => {
    const { page, errors } = await open();
    await page.getByLabel('Open .wasm file…').setInputFiles(join(EXAMPLES_DIR, 'echo.wasm'));
    await waitForPhase(page, 'echo', 'ready');
    expect(await listed(page, 'Tools', 'Tools')).toEqual(['echo']);

    // A real drag from the desktop: dragenter/dragover show the overlay, drop loads the file.
    await page.evaluate(async () => {
      const bytes = await (await fetch('examples/trap.wasm')).arrayBuffer();
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'trap.wasm', { type: 'application/wasm' }));
      (window as unknown as { drag: DataTransfer }).drag = data;
      for (const type of ['dragenter', 'dragover']) window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.getByText('Drop .wasm components to load them').waitFor();
    await page.evaluate(() => {
      const data = (window as unknown as { drag: DataTransfer }).drag;
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await waitForPhase(page, 'trap', 'ready');
    expect(await listed(page, 'Tools', 'Tools')).toEqual(['ok', 'trap', 'loop', 'oom']);
    expect(await page.getByRole('navigation', { name: 'Servers' }).getByRole('listitem').count()).toBe(2);
    expect(errors).toEqual([]);
  });

  it('opens ?url=<component.wasm> on start, and a URL typed in the URL field', async () => {
    const { page, errors } = await open('?url=examples/echo.wasm');
    const region = await waitForPhase(page, 'echo', 'ready');
    await openTab(page, 'Server');
    expect(await region.getByText(/examples\/echo\.wasm \(1\.\d MiB\)/).count()).toBe(1);
    expect(await workspace(page, 'echo').getByTestId('server-name').innerText()).toBe('echo');
    // The same from the URL field, with a URL relative to the page.
    await page.getByLabel('Component URL').fill('examples/trap.wasm');
    await page.getByRole('button', { name: 'Load URL' }).click();
    await waitForPhase(page, 'trap', 'ready');
    expect(errors).toEqual([]);
  });
});
