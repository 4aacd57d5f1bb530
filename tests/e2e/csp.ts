/** Checks that a served page carries the playground's Content Security Policy: its <meta> and the framing headers. */
import { expect } from 'vitest';

export async function expectPolicy(url: string): Promise<void> {
  const response = await fetch(url);
  expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  const html = await response.text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  expect(meta).toBeDefined();
  const directives = new Map(meta!.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));
  expect(directives.get('default-src')).toEqual(["'none'"]);
  expect(directives.get('connect-src')).toEqual(["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*']);
  expect(directives.get('script-src')?.slice(0, 3)).toEqual(["'self'", "'wasm-unsafe-eval'", 'blob:']);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  // Frames only from the page's origin: the MCP App sandbox, which may be framed by the page and no one else.
  expect(directives.get('frame-src')).toEqual(["'self'"]);
  const sandbox = await fetch(new URL('app-sandbox.html', url));
  expect(sandbox.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
  expect(sandbox.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  // The policy comes before any script, or it would not apply to them.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
}
