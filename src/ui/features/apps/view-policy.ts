/**
 * The Content Security Policy of an MCP App's view, built from the domains
 * its resource declares (`_meta.ui.csp`) and put into the view's document as
 * a <meta> before anything else. Nothing is allowed unless declared: no
 * network, no nested frames, no plugins; inline scripts and styles and data:
 * images are the view's own. Declared domains must be https: or wss: origins
 * (or http:/ws: on this machine), as the sandbox document's own policy
 * (public/app-sandbox.html) allows no more; anything else is ignored and
 * reported, never passed through, so a declaration cannot add a directive.
 */
import type { McpUiResourceCsp } from '@modelcontextprotocol/ext-apps/app-bridge';

const SECURE = /^(https|wss):\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?$/i;
const LOCAL = /^(http|ws):\/\/(localhost|127\.0\.0\.1)(:(\d{1,5}|\*))?$/i;

export interface ViewPolicy {
  policy: string;
  /** Declared domains left out because they are not origins the sandbox allows. */
  ignored: string[];
}

export function viewPolicy(csp: McpUiResourceCsp | undefined): ViewPolicy {
  const ignored: string[] = [];
  const allowed = (domains: string[] | undefined): string[] => {
    const ok = (domains ?? []).filter((d) => SECURE.test(d) || LOCAL.test(d));
    ignored.push(...(domains ?? []).filter((d) => !ok.includes(d)));
    return ok;
  };
  const resources = allowed(csp?.resourceDomains);
  const directives: [string, string[]][] = [
    ['default-src', []],
    ['script-src', ["'unsafe-inline'", ...resources]],
    ['style-src', ["'unsafe-inline'", ...resources]],
    ['img-src', ['data:', ...resources]],
    ['font-src', ['data:', ...resources]],
    ['media-src', ['data:', ...resources]],
    ['connect-src', allowed(csp?.connectDomains)],
    ['frame-src', allowed(csp?.frameDomains)],
    ['base-uri', allowed(csp?.baseUriDomains)],
    ['object-src', []],
    ['form-action', []],
  ];
  const policy = directives.map(([name, values]) => `${name} ${values.length ? values.join(' ') : "'none'"}`).join('; ');
  return { policy, ignored };
}

/** The view's document with the policy first in it (after a doctype, which must stay first). */
export function withPolicy(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html)?.[0] ?? '';
  return doctype + meta + html.slice(doctype.length);
}
