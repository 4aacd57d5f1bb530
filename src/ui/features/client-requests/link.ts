/** What a URL elicitation's link is, shown before anyone opens it: only http and https are opened. */
export type CheckedLink = { ok: true; href: string; host: string; protocol: string } | { ok: false; reason: string };

export function checkLink(url: string): CheckedLink {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, reason: `${parsed.protocol} links are not opened: only http and https` };
  // The host as the URL parser reads it (punycode for international names), so a look-alike shows as what it is.
  return { ok: true, href: parsed.href, host: parsed.host, protocol: parsed.protocol };
}
