/**
 * What a grant may hold, checked the same way wherever a person writes one:
 * the CLI's flags and the playground's Sandbox form.
 */

/** Names an environment grant may set, as POSIX shells spell them. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `scheme://host[:port]` as the URL standard writes it (lower case, default port dropped); undefined if not a URL with an origin. */
export function normalizeOrigin(text: string): string | undefined {
  try {
    const origin = new URL(text).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * An entry of the HTTP allow-list: `*`, or an http(s) origin, normalized;
 * undefined for anything with a path, query, credentials or another scheme,
 * which the host's comparison of origins would never match.
 */
export function grantableOrigin(text: string): string | undefined {
  if (text === '*') return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const bare = url.username === '' && url.password === '' && url.pathname === '/' && url.search === '' && url.hash === '';
  return bare && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : undefined;
}
