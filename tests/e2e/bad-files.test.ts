/**
 * A bad file shows what is wrong in words, and the page
 * stays usable: the next component loads and answers. A
 * truncated file is named as such.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../helpers/examples.js';
import { openPage, startSuite, stopSuite, type Suite } from './harness.js';
import { loadExample, selectTool, settledResult, waitForPhase } from './ui.js';

let suite: Suite | undefined;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(() => stopSuite(suite));

const CASES = [
  { example: 'not-a-component', code: 'NOT_A_COMPONENT', words: 'this is a core WebAssembly module, not a component' },
  { example: 'not-wasm', code: 'NOT_WASM', words: 'not a WebAssembly file' },
  { example: 'other-world', code: 'WRONG_WORLD', words: 'does not import wasi:mcp/runtime' },
];

describe('bad files', () => {
  it('says what is wrong with each bad file, and the page stays usable', async () => {
    const { page, errors, close } = await openPage(suite!.browser, suite!.preview.url);
    try {
      for (const { example, code, words } of CASES) {
        const region = await loadExample(page, example, 'failed');
        const alert = region.getByRole('alert');
        expect(await alert.innerText()).toContain('Could not load the component');
        expect(await alert.locator('.code').innerText()).toBe(code);
        expect(await alert.innerText()).toContain(words);
        expect(await region.getByRole('listitem', { name: 'Transpiling: failed' }).count()).toBe(1);
      }
      // A component cut short, from the file button.
      const echo = readFileSync(join(EXAMPLES_DIR, 'echo.wasm'));
      await page.getByLabel('Open .wasm file…').setInputFiles({ name: 'half.wasm', mimeType: 'application/wasm', buffer: echo.subarray(0, echo.length >> 1) });
      const half = (await waitForPhase(page, 'half', 'failed')).getByRole('alert');
      expect(await half.locator('.code').innerText()).toBe('TRUNCATED');
      expect(await half.innerText()).toContain('the file is truncated: a section declares');
      // Still usable: a good component loads next to the failed ones and answers.
      await loadExample(page, 'echo');
      await selectTool(page, 'echo');
      await page.getByRole('region', { name: 'Tool echo' }).getByLabel('text', { exact: true }).fill('still here');
      await page.getByRole('button', { name: 'Call tool' }).click();
      const result = await settledResult(page, 'tools/call echo');
      expect(await result.locator('.content-text').innerText()).toBe('still here');
      expect(await page.getByRole('navigation', { name: 'Servers' }).getByRole('listitem').count()).toBe(5);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
