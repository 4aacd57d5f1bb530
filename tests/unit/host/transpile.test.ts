import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKey, TRANSPILER } from '../../../src/host/transpile.js';

describe('transpile cache keys', () => {
  it('name the installed jco version', () => {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('@bytecodealliance/jco/component');
    const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
    expect(TRANSPILER).toBe(`jco-${pkg.version}`);
  });

  it('differ by content and by mode', async () => {
    const a = await cacheKey(new Uint8Array([1, 2, 3]), undefined);
    expect(a).toMatch(/^jco-[\d.]+:f\d+:sync:[0-9a-f]{64}$/);
    expect(await cacheKey(new Uint8Array([1, 2, 4]), undefined)).not.toBe(a);
    expect(await cacheKey(new Uint8Array([1, 2, 3]), { imports: [], exports: [] })).not.toBe(a);
  });
});
