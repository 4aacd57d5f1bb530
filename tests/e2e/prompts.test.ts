/** List prompts, fill their arguments (with completions) and show the returned messages. */
import { describe, expect, it } from 'vitest';
import type { Opened } from './harness.js';
import { useExamplePage } from './lifecycle.js';
import { openTab } from './ui.js';

const opened = useExamplePage('everything');

const messages = (page: Opened['page']) => page.getByRole('region', { name: 'Prompt messages' });

async function pick(page: Opened['page'], name: string) {
  await openTab(page, 'Prompts');
  await page.getByRole('list', { name: 'Prompts' }).getByText(name, { exact: true }).click();
  return page.getByRole('region', { name: `Prompt ${name}` });
}

describe('prompts', () => {
  it('gets greet with an argument completed by the server', async () => {
    const { page } = opened();
    const prompt = await pick(page, 'greet');
    await prompt.getByLabel('name', { exact: true }).fill('Ada');
    await prompt.getByLabel('style', { exact: true }).fill('p');
    await prompt.getByRole('group', { name: 'Suggestions for style' }).getByRole('button', { name: 'pirate' }).click();
    expect(await prompt.getByLabel('style', { exact: true }).inputValue()).toBe('pirate');
    await prompt.getByRole('button', { name: 'Get prompt' }).click();
    const item = messages(page).locator('li.message').filter({ hasText: 'Ahoy, Ada! Welcome aboard, ye scallywag!' });
    await item.waitFor();
    expect(await item.locator('.role').innerText()).toBe('user');
    expect(opened().errors).toEqual([]);
  });

  it('shows every message of summarize, embedded resource included', async () => {
    const { page } = opened();
    const prompt = await pick(page, 'summarize');
    await prompt.getByLabel('text', { exact: true }).fill('one two three');
    await prompt.getByLabel('text', { exact: true }).press('ControlOrMeta+Enter');
    await messages(page).getByText('I will summarize the attached text (3 words) in one sentence.').waitFor();
    const roles = await messages(page).locator('.role').allInnerTexts();
    expect(roles).toEqual(['user', 'assistant']);
    expect(await messages(page).locator('.content-resource').innerText()).toContain('one two three');
    expect(opened().errors).toEqual([]);
  });

  it('shows the server error when a required argument is missing', async () => {
    const { page } = opened();
    await pick(page, 'summarize');
    const prompt = await pick(page, 'greet');
    expect(await prompt.innerText()).toContain('Required but empty: name');
    await prompt.getByRole('button', { name: 'Get prompt' }).click();
    const alert = messages(page).getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/-32602.*name/s);
    expect(opened().errors).toEqual([]);
  });
});
