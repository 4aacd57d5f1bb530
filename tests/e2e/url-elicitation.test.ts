/**
 * URL-mode elicitation: the everything component's sign-in tool asks the person to open a page.
 * The page shows the message, the whole address and its host, opens it only when asked, in a new
 * tab that has no hold on the page, and answers accept; a Decline answers decline.
 */
import { describe, expect, it } from 'vitest';
import { useExamplePage } from './lifecycle.js';
import { selectTool, settledResult } from './ui.js';

const opened = useExamplePage('everything');
const URL = 'https://example.com/sign-in?session=42';

async function signIn(): Promise<void> {
  const { page } = opened();
  await selectTool(page, 'sign-in');
  await page.getByRole('button', { name: 'Call tool' }).click();
}

const request = () => opened().page.getByRole('region', { name: 'everything asks for you to open a link (URL elicitation)' });

describe('URL elicitation', () => {
  it('shows the link and opens it in a new tab only when the person chooses to', async () => {
    const { page, context, errors } = opened();
    // The new tab must not reach the network: the test answers for example.com.
    await context.route('https://example.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>signed in</title>' }));
    await signIn();
    const asked = request();
    await asked.waitFor({ timeout: 30_000 });
    expect(await asked.innerText()).toContain('Sign in to the example service to go on');
    expect(await asked.getByTestId('link-host').innerText()).toBe('example.com');
    expect(await asked.locator('.ask-url').innerText()).toBe(URL);
    const link = asked.getByRole('link', { name: 'Open in new tab' });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(context.pages()).toHaveLength(1);
    const [tab] = await Promise.all([context.waitForEvent('page', { timeout: 15_000 }), link.click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(URL);
    expect(await tab.evaluate(() => window.opener)).toBeNull();
    await tab.close();
    const result = await settledResult(page, 'tools/call sign-in');
    expect(await result.locator('.content-text').innerText()).toBe('You chose to accept.');
    expect(errors).toEqual([]);
  });

  it('answers decline without opening anything', async () => {
    const { page, context } = opened();
    await signIn();
    await request().getByRole('button', { name: 'Decline' }).click();
    const result = await settledResult(page, 'tools/call sign-in');
    expect(await result.locator('.content-text').innerText()).toBe('You chose to decline.');
    expect(context.pages()).toHaveLength(1);
  });
});
