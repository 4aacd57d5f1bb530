import { describe, expect, it } from 'vitest';
import { cursorFor, page, PAGE_CHARS, PAGE_ITEMS } from '../../../src/host/pages.js';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);
const all = <T>(items: T[]): T[] => {
  const out: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const p = page(items, cursor, (x) => x);
    out.push(...p.items);
    if (!p.nextCursor) return out;
    cursor = p.nextCursor;
  }
};

describe('list pages', () => {
  it('answers a short list in one page with no cursor', () => {
    expect(page(numbers(3), undefined, (x) => x)).toEqual({ items: [0, 1, 2] });
  });

  it('splits a long list by count, and the cursors lead through all of it once', () => {
    const first = page(numbers(PAGE_ITEMS * 2 + 5), undefined, (x) => x);
    expect(first.items).toHaveLength(PAGE_ITEMS);
    expect(first.nextCursor).toBe(cursorFor(PAGE_ITEMS));
    expect(all(numbers(PAGE_ITEMS * 2 + 5))).toEqual(numbers(PAGE_ITEMS * 2 + 5));
  });

  it('splits by size, always giving at least one item', () => {
    const big = Array.from({ length: 5 }, (_, i) => `${i}`.padEnd(PAGE_CHARS / 2, 'x'));
    const first = page(big, undefined, (x) => x);
    expect(first.items).toHaveLength(1);
    expect(all(big)).toEqual(big);
    expect(page(['y'.repeat(PAGE_CHARS * 2)], undefined, (x) => x).items).toHaveLength(1);
  });

  it('refuses a cursor it did not make with -32602, and gives an empty page past the end', () => {
    expect(() => page(numbers(3), 'not-a-cursor', (x) => x)).toThrow(expect.objectContaining({ code: -32602 }));
    expect(() => page(numbers(3), btoa('page:-1'), (x) => x)).toThrow(expect.objectContaining({ code: -32602 }));
    expect(page(numbers(3), cursorFor(10), (x) => x)).toEqual({ items: [] });
  });
});
