/**
 * The playground's part: a tool that asks the client for sampling
 * or elicitation while it runs (the `everything` example's ask-llm and
 * ask-user) shows the request in the page; the person answers it and the
 * tool's result carries the answer. Requests are tied to their server and
 * recorded in its history.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePagePerTest } from './lifecycle.js';
import { loadExample, openTab, selectServer, selectTool, settledResult, toolResult, workspace } from './ui.js';

const pages = usePagePerTest({ noErrors: true });
const everything = async (): Promise<Page> => (await pages.openWith('everything')).page;

const sampling = (page: Page, server = 'everything') => page.getByRole('region', { name: `${server} asks for a model reply (sampling)` });
const elicitation = (page: Page, server = 'everything') => page.getByRole('region', { name: `${server} asks for your input (elicitation)` });

async function askLlm(page: Page, question: string) {
  await selectTool(page, 'ask-llm');
  await page.getByRole('region', { name: 'Tool ask-llm' }).getByLabel('question', { exact: true }).fill(question);
  await page.getByRole('button', { name: 'Call tool' }).click();
  const request = sampling(page);
  await request.waitFor();
  return request;
}

async function askUser(page: Page, server = 'everything') {
  await selectTool(page, 'ask-user');
  await page.getByRole('button', { name: 'Call tool' }).click();
  const request = elicitation(page, server);
  await request.waitFor();
  return request;
}

describe('sampling and elicitation in the page', () => {
  it('shows a sampling request on the pending call; the edited reply, sent with Ctrl+Enter, becomes the result', async () => {
    const page = await everything();
    const request = await askLlm(page, 'What is six times seven?');
    expect(await request.getByRole('list', { name: 'Messages' }).innerText()).toMatch(/user\s+What is six times seven\?/);
    expect(await request.locator('.ask-settings').innerText()).toMatch(/Max tokens\s+200/);
    expect(await toolResult(page).getByRole('status').first().innerText()).toMatch(/The server asks for a model reply \(sampling\).*waits for you/);
    expect(await page.getByRole('navigation', { name: 'Servers' }).innerText()).toContain('asks 1');

    // The reply text has the focus: type and send from the keyboard.
    const text = request.getByLabel('Reply text');
    await expect.poll(() => text.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.type('Forty-two.');
    await request.getByLabel('Model').fill('deep-thought');
    await text.press('ControlOrMeta+Enter');

    const result = await settledResult(page, 'tools/call ask-llm');
    expect(await result.locator('.content-text').innerText()).toBe('deep-thought says: Forty-two.');
    expect(await sampling(page).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Servers' }).innerText()).not.toContain('asks');

    // The request and the answer travelled over the recorded connection.
    await openTab(page, 'History');
    await page.getByRole('searchbox', { name: 'Filter history' }).fill('sampling');
    const rows = async () => (await page.getByRole('list', { name: 'History' }).getByRole('button').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    await expect.poll(rows).toEqual([
      expect.stringMatching(/← recv request sampling\/createMessage #\d+/),
      expect.stringMatching(/→ sent result sampling\/createMessage #\d+/),
    ]);
  });

  it('a rejected sampling request fails the call with the error the client sent', async () => {
    const page = await everything();
    const request = await askLlm(page, 'Anything?');
    await request.getByRole('button', { name: 'Reject' }).click();
    const result = await settledResult(page, 'tools/call ask-llm');
    expect(await result.getByRole('alert').innerText()).toMatch(/Call failed.*The user rejected the sampling request/s);
  });

  it('shows a form for an elicitation; accept sends what was filled in, decline says so', async () => {
    const page = await everything();
    let request = await askUser(page);
    expect(await request.innerText()).toContain('What is your name?');
    const accept = request.getByRole('button', { name: 'Accept' });
    expect(await accept.isDisabled()).toBe(true);
    await request.getByLabel('Name', { exact: true }).fill('Grace');
    await accept.click();
    let result = await settledResult(page, 'tools/call ask-user');
    expect(await result.locator('.content-text').innerText()).toBe('Hello, Grace!');

    request = await askUser(page);
    await request.getByRole('button', { name: 'Decline' }).click();
    result = await settledResult(page, 'tools/call ask-user');
    expect(await result.locator('.content-text').innerText()).toBe('You chose to decline.');

    request = await askUser(page);
    await request.getByRole('button', { name: 'Cancel' }).click();
    result = await settledResult(page, 'tools/call ask-user');
    expect(await result.locator('.content-text').innerText()).toBe('You chose to cancel.');
  });

  it('ties each request to the server that asked', async () => {
    const page = await everything();
    await loadExample(page, 'everything', 'ready', 'everything (2)');
    await askUser(page, 'everything (2)');

    // The other server has nothing to answer; the list says which one waits.
    await selectServer(page, 'everything');
    expect(await elicitation(page, 'everything').count()).toBe(0);
    const waiting = page.getByRole('navigation', { name: 'Servers' }).getByRole('listitem').filter({ hasText: 'asks 1' });
    expect(await waiting.innerText()).toContain('everything (2)');

    await selectServer(page, 'everything (2)');
    const request = elicitation(page, 'everything (2)');
    await request.getByLabel('Name', { exact: true }).fill('Ada');
    await request.getByLabel('Name', { exact: true }).press('ControlOrMeta+Enter');
    expect(await (await settledResult(page, 'tools/call ask-user')).locator('.content-text').innerText()).toBe('Hello, Ada!');
    await expect.poll(() => workspace(page, 'everything (2)').getByRole('region', { name: 'Requests from the server' }).count()).toBe(0);
  });
});
