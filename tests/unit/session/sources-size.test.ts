/** Issue #5, item 5: a huge dropped file is refused by its size, before the page reads it. */
import { expect, it } from 'vitest';
import { MAX_COMPONENT_BYTES } from '../../../src/host/file-check.js';
import { fromFile } from '../../../src/session/sources.js';

it('refuses a file over the size limit without reading it', async () => {
  let read = false;
  const huge = {
    name: 'huge.wasm',
    size: MAX_COMPONENT_BYTES + 1,
    arrayBuffer: async () => {
      read = true;
      return new ArrayBuffer(0);
    },
  } as unknown as File;
  await expect(fromFile(huge).read()).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/^the file is 100\.0 MiB/) });
  expect(read).toBe(false);
});
