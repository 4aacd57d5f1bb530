/**
 * Redirects of a component's outgoing HTTP, checked hop by hop. preview2-shim's
 * browser build sends a wasi:http request with `globalThis.fetch(url, init)`
 * and lets fetch follow redirects, so a granted origin could send the request
 * on to any other. The host therefore puts a fetch of its own in front of the
 * realm's: the outgoing handler announces each request it let through (its URL
 * and the grant it was checked against), and when the shim fetches that URL,
 * the host fetches with `redirect: 'manual'` and follows each redirect itself,
 * only to a granted origin, at most MAX_REDIRECTS times. A fetch nobody
 * announced (not a component's) goes through untouched.
 *
 * In a browser, `redirect: 'manual'` answers a redirect with an opaque
 * response whose target cannot be read, so there every redirect is refused as
 * a denial (as `redirect: 'error'` would refuse it, but the host can say so).
 */
import { normalizeOrigin } from './grant-values.js';

export const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type Fetch = typeof globalThis.fetch;

/** A request the outgoing handler let through, waiting for the shim to fetch it. */
export interface AnnouncedRequest {
  /** The URL exactly as the shim passes it to fetch. */
  url: string;
  allows(origin: string): boolean;
  /** Told of a redirect the grant does not allow (the origin, or what stands for it). */
  onDenied(detail: string): void;
}

const announced: AnnouncedRequest[] = [];
let original: Fetch | undefined;

/** Makes the next fetch of `request.url` follow redirects only where the grant allows. */
export function announceRequest(request: AnnouncedRequest): void {
  if (original === undefined) {
    original = globalThis.fetch.bind(globalThis);
    globalThis.fetch = checkedFetch;
  }
  announced.push(request);
}

function checkedFetch(input: Parameters<Fetch>[0], init?: RequestInit): Promise<Response> {
  const fetch = original!;
  const index = typeof input === 'string' ? announced.findIndex((r) => r.url === input) : -1;
  if (index < 0) return fetch(input, init);
  const [request] = announced.splice(index, 1);
  return follow(fetch, request!, init ?? {});
}

/** The method and body of the next hop: 303, and 301/302 after a POST, become a GET without a body. */
function nextHop(status: number, init: RequestInit): RequestInit {
  const method = (init.method ?? 'GET').toUpperCase();
  if (!(status === 303 && method !== 'HEAD') && !((status === 301 || status === 302) && method === 'POST')) return init;
  const headers = new Headers(init.headers);
  for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) {
    headers.delete(name);
  }
  const { body: _body, ...rest } = init;
  return { ...rest, method: 'GET', headers };
}

async function follow(fetch: Fetch, request: AnnouncedRequest, first: RequestInit): Promise<Response> {
  let url = request.url;
  let init: RequestInit = first;
  for (let hop = 0; ; hop++) {
    const response = await fetch(url, { ...init, redirect: 'manual' });
    if (response.type === 'opaqueredirect') {
      request.onDenied(`a redirect from ${url} (the browser hides its target)`);
      throw new TypeError(`a redirect from ${url} was denied: the browser does not let the host check where it goes`);
    }
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || location === null) return response;
    await response.body?.cancel();
    if (hop === MAX_REDIRECTS) throw new TypeError(`more than ${MAX_REDIRECTS} redirects`);
    const next = new URL(location, url);
    const origin = normalizeOrigin(next.href);
    if (origin === undefined || !request.allows(origin)) {
      request.onDenied(origin ?? next.href);
      throw new TypeError(`a redirect to ${origin ?? next.href} was denied: not a granted origin`);
    }
    init = nextHop(response.status, init);
    if (init.body instanceof ReadableStream) throw new TypeError('a streamed request body cannot be sent again to a redirect');
    // As fetch does: credentials meant for one origin do not travel to another.
    if (new URL(url).origin !== next.origin) {
      const headers = new Headers(init.headers);
      headers.delete('authorization');
      init = { ...init, headers };
    }
    url = next.href;
  }
}
