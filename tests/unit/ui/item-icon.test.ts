import { describe, expect, it } from 'vitest';
import { pickIcon } from '../../../src/ui/components/ItemIcon.js';

const png = { src: 'data:image/png;base64,iVBORw0KGgo=' };
const dark = { src: 'data:image/svg+xml,%3Csvg%2F%3E', theme: 'dark' as const };

describe('which icon the page shows', () => {
  it('shows only data: images, preferring the page theme', () => {
    expect(pickIcon([{ src: 'https://example.com/a.png' }, png], 'light')).toBe(png);
    expect(pickIcon([png, dark], 'dark')).toBe(dark);
    expect(pickIcon([dark, png], 'light')).toBe(png);
  });

  it('shows nothing for icons it would have to fetch, or for anything that is not an image', () => {
    expect(pickIcon([{ src: 'https://example.com/a.png' }], 'light')).toBeUndefined();
    expect(pickIcon([{ src: 'data:text/html,<b>x</b>' }], 'light')).toBeUndefined();
    expect(pickIcon(undefined, 'light')).toBeUndefined();
  });
});
