/** Which components are served as plain tools, and what jco is told to enter as promising (src/host/plain/index.ts). */
import { describe, expect, it } from 'vitest';
import { isPlain, promisingExports, readPlainWorld } from '../../../src/host/plain/index.js';
import { exampleBytes } from '../../helpers/examples.js';

describe('isPlain', () => {
  it('is true for a component exporting functions and neither wasi:mcp/handlers nor wasi:cli/run', () => {
    expect(isPlain(exampleBytes('typed'))).toBe(true);
    expect(isPlain(exampleBytes('files'))).toBe(true);
  });

  it('is false for a wasi:mcp server, a command, a core module and a cut-off file', () => {
    expect(isPlain(exampleBytes('echo'))).toBe(false);
    expect(isPlain(exampleBytes('other-world'))).toBe(false);
    expect(isPlain(exampleBytes('not-a-component'))).toBe(false);
    const typed = exampleBytes('typed');
    expect(isPlain(typed.subarray(0, typed.length - 10))).toBe(false);
  });
});

it('names every callable export as jco names them for JSPI', async () => {
  const plain = await readPlainWorld(exampleBytes('typed'));
  const names = promisingExports(plain);
  expect(names).toContain('greet');
  expect(names).toContain('example:plain/ops#check-even');
  expect(names).toHaveLength(plain.tools.length);
});
