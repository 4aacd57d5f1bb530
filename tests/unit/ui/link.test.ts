// A URL elicitation's link as the page shows it before anyone opens it.
import { expect, it } from 'vitest';
import { checkLink } from '../../../src/ui/features/client-requests/link.js';

it('shows the host of an http(s) link as the URL parser reads it', () => {
  expect(checkLink('https://example.com/a?b=1')).toEqual({ ok: true, href: 'https://example.com/a?b=1', host: 'example.com', protocol: 'https:' });
  expect(checkLink('http://user@evil.test:8080/x')).toMatchObject({ ok: true, host: 'evil.test:8080' });
  // An international name shows as punycode, so a look-alike of a known name is visible.
  expect(checkLink('https://exаmple.com/')).toMatchObject({ ok: true, host: 'xn--exmple-4nf.com' });
});

it('refuses anything but http and https, and what is not a URL', () => {
  expect(checkLink('javascript:alert(1)')).toMatchObject({ ok: false, reason: expect.stringContaining('javascript:') });
  expect(checkLink('file:///etc/passwd')).toMatchObject({ ok: false });
  expect(checkLink('data:text/html,hi')).toMatchObject({ ok: false });
  expect(checkLink('not a url')).toEqual({ ok: false, reason: 'not a valid URL' });
});
