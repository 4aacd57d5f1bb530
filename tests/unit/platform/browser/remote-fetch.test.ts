/** The page's fetch for remote servers: a refused request says whether CORS, the CSP or the network stopped it. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { remoteFetch } from '../../../../src/platform/browser/remote-fetch.js';

const PAGE = 'http://127.0.0.1:5173';
const SERVER = 'http://127.0.0.1:43117/mcp';

afterEach(() => vi.unstubAllGlobals());

/** A fetch whose first call (the real request) fails as a browser reports it, and whose probe does as told. */
function browserFetch(probe: 'answers' | 'fails') {
  const fetch = vi.fn((_url: string | URL, init?: RequestInit) => {
    if (init?.mode === 'no-cors') return probe === 'answers' ? Promise.resolve(new Response(null)) : Promise.reject(new TypeError('Failed to fetch'));
    return Promise.reject(new TypeError('Failed to fetch'));
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('remoteFetch', () => {
  test('a server that is up but refused the request: CORS, with what the server must send', async () => {
    browserFetch('answers');
    const refused = remoteFetch(PAGE)(SERVER, { method: 'POST' });
    await expect(refused).rejects.toMatchObject({ code: 'CORS_REFUSED' });
    const { message } = (await refused.catch((e: unknown) => e)) as Error;
    expect(message).toContain(`Access-Control-Allow-Origin: ${PAGE}`);
    expect(message).toContain('Mcp-Protocol-Version');
    expect(message).toContain('Access-Control-Expose-Headers: Mcp-Session-Id');
    expect(message).toContain(`--allow-origin ${PAGE}`);
  });

  test('a server that does not answer at all is unreachable, not CORS', async () => {
    browserFetch('fails');
    await expect(remoteFetch(PAGE)(SERVER, { method: 'POST' })).rejects.toMatchObject({ code: 'CONNECT_FAILED', message: expect.stringContaining('is the server running') });
  });

  test('plain http off loopback is refused before the CSP would, naming https', async () => {
    const fetch = browserFetch('answers');
    await expect(remoteFetch(PAGE)('http://mcp.example.com/mcp', { method: 'POST' })).rejects.toMatchObject({
      code: 'CONNECT_FAILED',
      message: expect.stringContaining('use https://mcp.example.com/mcp'),
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  test('an aborted request stays aborted', async () => {
    const fetch = vi.fn(() => Promise.reject(new DOMException('aborted', 'AbortError')));
    vi.stubGlobal('fetch', fetch);
    await expect(remoteFetch(PAGE)(SERVER, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
