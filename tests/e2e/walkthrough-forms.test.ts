/**
 * A new user's walkthrough, the fields: the header's deadline takes typing,
 * an object argument without properties gets a JSON input, the arguments
 * editor can be left by keyboard, an integer field refuses a fraction, and an
 * elicitation's enums show their titles with checkboxes for multi-selects.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePagePerTest } from './lifecycle.js';
import { selectTool, settledResult, waitForPhase } from './ui.js';
import { buildFixture } from './fixtures/build.js';

const pages = usePagePerTest({ noErrors: true });

const storedDeadline = (page: Page) =>
  page.evaluate(() => (JSON.parse(localStorage.getItem('wasi-mcp-playground:settings') ?? '{}') as { deadlineMs?: number }).deadlineMs);

describe('walkthrough: fields', () => {
  it('the request deadline takes what is typed, saves it on Enter and says when it is out of range', async () => {
    const { page } = await pages.open();
    const field = page.getByLabel('Request deadline (ms)');
    await field.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('15000');
    expect(await field.inputValue()).toBe('15000');
    await page.keyboard.press('Enter');
    await expect.poll(() => storedDeadline(page)).toBe(15000);

    // Backspace empties the field; an out-of-range value is refused with a reason, the saved one stays.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    expect(await field.inputValue()).toBe('');
    await page.keyboard.type('100');
    await page.keyboard.press('Tab');
    expect(await page.getByText('Between 500 and 600000 ms').isVisible()).toBe(true);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await storedDeadline(page)).toBe(15000);

    // Visible, not only in a tooltip: which servers the deadline applies to.
    expect(await page.getByText(/applies to servers loaded from now on/i).isVisible()).toBe(true);
  });

  it('gives an object argument without properties a JSON input that says why its text is not used', async () => {
    const bytes = await buildFixture('object-arg');
    const { page } = await pages.open();
    await page.route('**/fixtures/object-arg.wasm', (route) => route.fulfill({ body: Buffer.from(bytes), contentType: 'application/wasm' }));
    await page.goto(`${pages.suite().preview.url}?url=fixtures/object-arg.wasm`);
    await waitForPhase(page, 'object-arg', 'ready');
    await selectTool(page, 'configure');
    const input = page.getByRole('region', { name: 'Tool configure' }).getByRole('textbox', { name: 'options', exact: true });
    await input.fill('{"depth": ');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill('{"depth": 2}');
    expect(await input.getAttribute('aria-invalid')).toBe('false');
    await page.getByRole('button', { name: 'Call tool' }).click();
    expect(await (await settledResult(page, 'tools/call configure')).locator('.content-text').innerText()).toBe('{"depth":2}');
  });

  it('leaves the arguments editor with Esc then Tab, and says so next to it', async () => {
    const { page } = await pages.openWith('echo');
    await selectTool(page, 'echo');
    const editor = page.getByTestId('editor Arguments (JSON)');
    await editor.locator('.view-lines').click();
    const inEditor = () => editor.evaluate((e) => e.contains(document.activeElement));
    expect(await inEditor()).toBe(true);
    // Tab alone indents: the editor keeps the focus.
    await page.keyboard.press('Tab');
    expect(await inEditor()).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await inEditor()).toBe(false);
    // And back, then out backwards.
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');
    expect(await inEditor()).toBe(false);
    expect(await page.getByText(/Esc then Tab/).first().isVisible()).toBe(true);
  });

  it('refuses a fraction in an integer field instead of truncating it', async () => {
    const { page } = await pages.openWith('everything');
    await selectTool(page, 'long');
    const steps = page.getByRole('region', { name: 'Tool long' }).getByLabel('steps', { exact: true });
    await steps.fill('1.5');
    expect(await page.getByText('steps: must be a whole number').isVisible()).toBe(true);
    expect(await steps.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Call tool' }).isDisabled()).toBe(true);
    await steps.fill('2');
    expect(await page.getByRole('button', { name: 'Call tool' }).isDisabled()).toBe(false);
  });

  it('shows elicitation enums by their titles and multi-selects as checkboxes', async () => {
    const { page } = await pages.openWith('conformance');
    await selectTool(page, 'test_elicitation_sep1330_enums');
    await page.getByRole('button', { name: 'Call tool' }).click();
    const request = page.getByRole('region', { name: 'conformance asks for your input (elicitation)' });
    await request.waitFor();
    const options = (label: string) => request.getByLabel(label, { exact: true }).locator('option').allInnerTexts();
    expect(await options('untitledSingle')).toEqual(['(unset)', 'option1', 'option2', 'option3']);
    expect(await options('titledSingle')).toEqual(['(unset)', 'First Option', 'Second Option', 'Third Option']);
    expect(await options('legacyEnum')).toEqual(['(unset)', 'Option One', 'Option Two', 'Option Three']);
    await request.getByRole('group', { name: 'untitledMulti' }).getByRole('checkbox', { name: 'option2' }).check();
    await request.getByRole('group', { name: 'titledMulti' }).getByRole('checkbox', { name: 'Second Choice' }).check();
    await request.getByRole('group', { name: 'titledMulti' }).getByRole('checkbox', { name: 'Third Choice' }).check();
    await request.getByLabel('titledSingle', { exact: true }).selectOption({ label: 'Second Option' });
    await request.getByRole('button', { name: 'Accept' }).click();
    const text = await (await settledResult(page, 'tools/call test_elicitation_sep1330_enums')).locator('.content-text').innerText();
    expect(JSON.parse(text.replace(/^.*content=/, ''))).toEqual({ titledSingle: 'value2', untitledMulti: ['option2'], titledMulti: ['value2', 'value3'] });
  });
});
