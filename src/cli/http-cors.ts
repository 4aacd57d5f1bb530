/**
 * CORS for the origins `--allow-origin` names: a browser page there (the
 * playground, say) may call the server. Its preflight is answered, its
 * responses carry Access-Control-Allow-Origin, and Mcp-Session-Id is exposed
 * so that the page's SDK client can keep its session. Any other origin gets
 * no CORS headers, so a browser keeps its pages from reading an answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the SDK's Streamable HTTP client sends besides the CORS-safelisted headers. */
const ALLOW_HEADERS = ['content-type', 'accept', 'authorization', 'last-event-id', 'mcp-session-id', 'mcp-protocol-version', 'mcp-method', 'mcp-name'];
const EXPOSE_HEADERS = ['mcp-session-id', 'mcp-protocol-version'];
const ALLOW_METHODS = ['GET', 'POST', 'DELETE', 'OPTIONS'];
/** How long a browser may reuse a preflight answer, in seconds. */
const MAX_AGE_S = 600;

/**
 * Adds the CORS headers when the request's Origin is allowed, and answers a
 * preflight (OPTIONS) itself. True when the response is complete.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || !allowed.has(origin)) return false;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-expose-headers', EXPOSE_HEADERS.join(', '));
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'access-control-allow-methods': ALLOW_METHODS.join(', '),
    'access-control-allow-headers': ALLOW_HEADERS.join(', '),
    'access-control-max-age': String(MAX_AGE_S),
  });
  res.end();
  return true;
}
