import { describe, expect, it } from 'vitest';
import { isSafeIconSrc, MAX_ICONS, parseIcons } from '../../../src/host/icons.js';

describe('declared icons', () => {
  it('takes data: images and https: URLs with their optional fields', () => {
    const icons = [
      { src: 'data:image/png;base64,iVBORw0KGgo=', mimeType: 'image/png', sizes: ['48x48'] },
      { src: 'data:image/svg+xml,%3Csvg%2F%3E', theme: 'dark' },
      { src: 'https://example.com/icon.webp' },
    ];
    expect(parseIcons(icons)).toEqual(icons);
  });

  it('refuses sources a client should not be handed, and malformed lists', () => {
    for (const src of ['javascript:alert(1)', 'http://example.com/i.png', 'data:text/html,<script>x</script>', 'file:///etc/passwd', '/icon.png']) {
      expect(isSafeIconSrc(src), src).toBe(false);
      expect(parseIcons([{ src }])).toMatch(/src must be/);
    }
    expect(parseIcons({ src: 'https://a.example/i.png' })).toBe('must be a JSON array');
    expect(parseIcons(Array.from({ length: MAX_ICONS + 1 }, () => ({ src: 'https://a.example/i.png' })))).toMatch(/at most 8/);
    expect(parseIcons([{ src: 'https://a.example/i.png', theme: 'blue' }])).toMatch(/theme/);
    expect(parseIcons([{ src: 'https://a.example/i.png', mimeType: 'text/html' }])).toMatch(/mimeType/);
    expect(parseIcons([{}])).toMatch(/string src/);
  });
});
