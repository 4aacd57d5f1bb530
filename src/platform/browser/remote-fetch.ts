/**
 * How the page reaches a remote MCP server: fetch, but a refusal says why.
 * A browser reports a request CORS stopped, one its Content Security Policy
 * blocked and a server that is down all as the same TypeError; this tells
 * them apart, so the person learns what the server must allow.
 */
import type { FetchLike } from '@modelcontextprotocol/client';
import { ConnectError } from '../../session/remote.js';

/** Plain http the page's connect-src allows (vite.config.ts): loopback only; https goes anywhere. */
const PLAIN_HTTP_HOSTS = new Set(['localhost', '127.0.0.1']);

/** What the SDK's Streamable HTTP client sends that a CORS preflight must allow. */
export const CORS_REQUEST_HEADERS = ['Content-Type', 'Accept', 'Mcp-Session-Id', 'Mcp-Protocol-Version', 'Mcp-Method', 'Mcp-Name', 'Last-Event-ID'];

export function corsAdvice(server: string, page: string): string {
  return (
    `CORS stopped the request: ${server} does not allow this page's origin ${page}. ` +
    `The server must answer the preflight (OPTIONS) and send Access-Control-Allow-Origin: ${page}, ` +
    `Access-Control-Allow-Headers: ${CORS_REQUEST_HEADERS.join(', ')}, ` +
    `and Access-Control-Expose-Headers: Mcp-Session-Id. ` +
    `For wasi-mcp serve --http, add --allow-origin ${page}.`
  );
}

/** A fetch for remote servers from a page at `pageOrigin`. */
export function remoteFetch(pageOrigin: string): FetchLike {
  return async (input, init) => {
    const url = new URL(input);
    if (url.protocol === 'http:' && !PLAIN_HTTP_HOSTS.has(url.hostname)) {
      throw new ConnectError(
        'CONNECT_FAILED',
        `this page may reach plain http only on localhost and 127.0.0.1 (its Content Security Policy): use https://${url.host}${url.pathname}`,
      );
    }
    try {
      return await fetch(input, init);
    } catch (e) {
      if (!(e instanceof TypeError) || init?.signal?.aborted) throw e;
      throw await explain(url, pageOrigin, e);
    }
  };
}

/**
 * A request the page may not read still reaches a server that is up: an
 * opaque (no-cors) request that succeeds means CORS stopped the real one.
 */
async function explain(url: URL, pageOrigin: string, error: TypeError): Promise<Error> {
  if (url.origin === pageOrigin) return error;
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store' });
  } catch {
    return new ConnectError('CONNECT_FAILED', `could not reach ${url.href}: ${error.message} (is the server running, at this address?)`);
  }
  return new ConnectError('CORS_REFUSED', corsAdvice(url.origin, pageOrigin));
}
