/**
 * Tools. Call a tool through the generated form and through
 * the JSON editor (the two stay in sync), and see every kind of result:
 * text with structured content and its verdict, an image, audio, an embedded
 * resource, a resource link that reads the resource, and isError.
 */
import { describe, expect, it } from 'vitest';
import { usePagePerTest } from './lifecycle.js';
import { editorText, loadExample, selectTool, setEditorText, settledResult } from './ui.js';

const pages = usePagePerTest();
const everything = () => pages.openWith('everything');

describe('tools', () => {
  it('calls add through the form; the JSON editor follows; structured content is checked', async () => {
    const { page, errors } = await everything();
    await selectTool(page, 'add');
    const tool = page.getByRole('region', { name: 'Tool add' });
    await tool.getByLabel('a', { exact: true }).fill('2');
    await tool.getByLabel('b', { exact: true }).fill('40');
    // Monaco loads lazily and may take a few seconds on a busy machine.
    await expect.poll(() => editorText(page, 'Arguments (JSON)'), { timeout: 10_000 }).toMatch(/"a":\s*2,\s*"b":\s*40/);
    await page.getByRole('button', { name: 'Call tool' }).click();
    const result = await settledResult(page, 'tools/call add');
    expect(await result.locator('.content-text').first().innerText()).toBe('2 + 40 = 42');
    expect(await result.getByRole('status').innerText()).toContain('structured content matches the output schema');
    expect(await result.getByRole('region', { name: 'Structured content' }).innerText()).toContain('"sum": 42');
    expect(errors).toEqual([]);
  });

  it('calls a tool from the JSON editor with Ctrl+Enter; the form follows', async () => {
    const { page, errors } = await everything();
    await selectTool(page, 'utf8');
    await setEditorText(page, 'Arguments (JSON)', '{"text": "ça"}');
    const field = page.getByRole('region', { name: 'Tool utf8' }).getByLabel('text', { exact: true });
    await expect.poll(() => field.inputValue()).toBe('ça');
    await page.keyboard.press('ControlOrMeta+Enter');
    const result = await settledResult(page, 'tools/call utf8');
    expect(await result.locator('.content-text').innerText()).toBe('ça héllo 🌍');
    expect(errors).toEqual([]);
  });

  it('shows images, audio, embedded resources, and reads a resource link when clicked', async () => {
    const { page, errors } = await everything();
    await selectTool(page, 'image');
    await page.getByRole('button', { name: 'Call tool' }).click();
    let result = await settledResult(page, 'tools/call image');
    const img = result.getByRole('img', { name: 'image (image/png)' });
    // The page shows an image once it has decoded it and checked its size: give a busy machine time.
    await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth), { timeout: 10_000 }).toBe(16);

    await selectTool(page, 'audio');
    await page.getByRole('button', { name: 'Call tool' }).click();
    result = await settledResult(page, 'tools/call audio');
    expect(await result.locator('audio').getAttribute('src')).toMatch(/^data:audio\/wav;base64,UklGR/);

    await selectTool(page, 'embedded');
    await page.getByRole('button', { name: 'Call tool' }).click();
    result = await settledResult(page, 'tools/call embedded');
    expect(await result.locator('.content-resource').innerText()).toContain('This text is an embedded resource.');

    await selectTool(page, 'link');
    await page.getByRole('button', { name: 'Call tool' }).click();
    result = await settledResult(page, 'tools/call link');
    await result.getByRole('button', { name: 'Open resource mem://logo.png' }).click();
    const linked = result.getByRole('region', { name: 'Resource mem://logo.png' });
    await linked.getByRole('link', { name: /Download logo.png \(91 bytes, image\/png\)/ }).waitFor();
    expect(errors).toEqual([]);
  });

  it('styles isError results as errors and shows JSON-RPC errors with their code', async () => {
    const { page, errors } = await everything();
    await selectTool(page, 'fail');
    await page.getByRole('button', { name: 'Call tool' }).click();
    let result = await settledResult(page, 'tools/call fail');
    const alert = result.getByRole('alert');
    expect(await alert.innerText()).toContain('The tool reported an error (isError: true)');
    expect(await alert.innerText()).toContain('This tool always fails');

    await selectTool(page, 'throws');
    await page.getByRole('button', { name: 'Call tool' }).click();
    result = await settledResult(page, 'tools/call throws');
    expect(await result.getByRole('alert').innerText()).toMatch(/-32602.*the throws tool always fails with invalid-params/s);
    expect(errors).toEqual([]);
  });

  it('builds nested forms from $ref schemas, and Monaco validates the JSON against the schema', async () => {
    const { page, errors } = await pages.open();
    await loadExample(page, 'conformance');
    await selectTool(page, 'json_schema_2020_12_tool');
    const tool = page.getByRole('region', { name: 'Tool json_schema_2020_12_tool' });
    await tool.getByLabel('name', { exact: true }).fill('Ada');
    const address = tool.getByRole('group', { name: 'address' });
    await address.getByLabel('street', { exact: true }).fill('1 Loop Rd');
    await address.getByLabel('city', { exact: true }).fill('London');
    // The schema asks for a phone or an email (allOf/anyOf, if/then/else).
    await tool.getByLabel('email', { exact: true }).fill('ada@example.org');
    const json = async () => (await editorText(page, 'Arguments (JSON)')).replace(/\u00a0/g, ' ').replace(/\s+/g, '');
    await expect.poll(json, { timeout: 10_000 }).toBe('{"name":"Ada","address":{"street":"1LoopRd","city":"London"},"email":"ada@example.org"}');
    await page.getByRole('button', { name: 'Call tool' }).click();
    const result = await settledResult(page, 'tools/call json_schema_2020_12_tool');
    expect(await result.locator('.content-text').innerText()).toBe(
      'Received: {"name":"Ada","address":{"street":"1 Loop Rd","city":"London"},"email":"ada@example.org"}',
    );

    // A value of the wrong type is marked in the editor by the schema. (Monaco's JSON service
    // does not follow a $ref into a $defs entry that carries an $anchor, and warns there; the
    // document compared leaves the address out.)
    const editor = page.getByTestId('editor Arguments (JSON)');
    await setEditorText(page, 'Arguments (JSON)', '{"name": "Ada", "email": "ada@example.org"}');
    await expect.poll(() => editor.locator('.squiggly-warning, .squiggly-error').count(), { timeout: 10_000 }).toBe(0);
    await setEditorText(page, 'Arguments (JSON)', '{"name": 5}');
    await editor.locator('.squiggly-warning, .squiggly-error').first().waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
  });

  it('filters the tool list by search', async () => {
    const { page, errors } = await everything();
    await page.getByRole('searchbox', { name: 'Search tools' }).fill('resource');
    const names = await page.getByRole('list', { name: 'Tools' }).locator('.item-title').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    expect(names.join(' ')).toMatch(/embedded|link/);
    expect(names.join(' ')).not.toMatch(/Add numbers/);
    expect(errors).toEqual([]);
  });
});
