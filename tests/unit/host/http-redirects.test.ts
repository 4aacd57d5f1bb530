import { afterAll, describe, expect, it } from 'vitest';
import { announceRequest } from '../../../src/host/http-redirects.js';

const realFetch = globalThis.fetch;
/** URLs the stub was asked for, and what it answers: a browser's opaque redirect for /redirect. */
const asked: string[] = [];
globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
  asked.push(`${String(input)} ${init?.redirect ?? 'follow'}`);
  if (String(input).endsWith('/redirect')) return { type: 'opaqueredirect', status: 0, headers: new Headers() } as Response;
  return new Response('ok');
};
afterAll(() => {
  globalThis.fetch = realFetch;
});

describe('redirects in a browser, where redirect: manual hides the target', () => {
  it('refuses the redirect as a denial, having fetched only the granted URL', async () => {
    const denied: string[] = [];
    announceRequest({ url: 'https://granted.example/redirect', allows: () => true, onDenied: (d) => denied.push(d) });
    await expect(fetch('https://granted.example/redirect')).rejects.toThrow(/the browser does not let the host check where it goes/);
    expect(denied).toEqual(['a redirect from https://granted.example/redirect (the browser hides its target)']);
    expect(asked).toEqual(['https://granted.example/redirect manual']);
  });

  it('leaves a fetch nobody announced as it is', async () => {
    asked.length = 0;
    expect(await (await fetch('https://other.example/page')).text()).toBe('ok');
    expect(asked).toEqual(['https://other.example/page follow']);
  });
});
