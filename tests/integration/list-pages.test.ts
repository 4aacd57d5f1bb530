/**
 * The list methods answer in pages: the many-tools example's 300 tools come
 * in two tools/list answers, and a client that follows nextCursor gets every
 * tool exactly once.
 */
import { expect, it } from 'vitest';
import { cursorFor, PAGE_ITEMS } from '../../src/host/pages.js';
import { exampleBytes } from '../helpers/examples.js';
import { connect } from '../helpers/in-memory.js';

it('pages tools/list and every tool comes once', async () => {
  const { client, close } = await connect(exampleBytes('many-tools'));
  try {
    const names: string[] = [];
    // The SDK's listTools() walks the pages itself unless given a cursor: start from the first page's.
    let cursor: string | undefined = cursorFor(0);
    let pages = 0;
    do {
      const result = await client.listTools({ cursor });
      expect(result.tools.length).toBeLessThanOrEqual(PAGE_ITEMS);
      names.push(...result.tools.map((t) => t.name));
      cursor = result.nextCursor;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBe(Math.ceil(300 / PAGE_ITEMS));
    expect(new Set(names).size).toBe(300);
    await expect(client.listTools({ cursor: 'forged' })).rejects.toMatchObject({ code: -32602 });
    // The SDK's own walk through the pages gets the same list.
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(names);
  } finally {
    await close();
  }
});
