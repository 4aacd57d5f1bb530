/**
 * A server at a Streamable HTTP URL: the SDK's client transport to it, and
 * the errors that say why it could not be reached. It runs elsewhere, so the
 * worker-only parts of a session (sandbox, memory, restarts, output) do not apply.
 */
import { StreamableHTTPClientTransport, type FetchLike } from '@modelcontextprotocol/client';

export type ConnectErrorCode = 'CONNECT_FAILED' | 'CORS_REFUSED';

/** The server could not be reached, or the browser would not let the page read its answers. */
export class ConnectError extends Error {
  override name = 'ConnectError';

  constructor(
    readonly code: ConnectErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The URL a person typed, as an absolute http(s) URL; a ConnectError says why it is not one. */
export function remoteUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConnectError('CONNECT_FAILED', `not a URL: ${text} (give the server's full address, like http://127.0.0.1:3000/mcp)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectError('CONNECT_FAILED', `${url.protocol} is not HTTP: an MCP server URL starts with http:// or https://`);
  }
  return url;
}

/** A transport to the server; `fetch` is how the platform reaches it (and explains a refusal). */
export function remoteTransport(url: string, fetch?: FetchLike): StreamableHTTPClientTransport {
  return new StreamableHTTPClientTransport(remoteUrl(url), fetch ? { fetch } : {});
}
