/** A repeat load of the same bytes comes from the transpile cache, and a broken cache is only a miss. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ComponentHost, HostError } from '../../src/host/index.js';
import { directoryCache } from '../../src/platform/node/cache.js';
import { nodePlatform } from '../../src/platform/node/platform.js';
import { exampleBytes } from '../helpers/examples.js';

const dir = mkdtempSync(join(tmpdir(), 'wasi-mcp-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const load = async (name: string) => ComponentHost.load(exampleBytes(name), { platform: await nodePlatform({ cacheDir: dir }) });

describe('the transpile cache', () => {
  it('serves a repeat load from the cache', async () => {
    const first = await load('echo');
    expect(first.cached).toBe(false);
    const second = await load('echo');
    expect(second.cached).toBe(true);
    expect(second.world).toEqual(first.world);
    expect((await second.registry()).tools.has('echo')).toBe(true);
  });

  it('keeps no second copy of the core modules the component carries', async () => {
    await load('echo-js');
    // echo's entry and echo-js's: the runtimes (QuickJS, SpiderMonkey) are referred to, not copied;
    // only jco's own small modules are kept as files.
    const entries = readdirSync(dir);
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      const meta = JSON.parse(readFileSync(join(dir, entry, 'meta.json'), 'utf8')) as { embedded: [string, number][] };
      expect(meta.embedded.length).toBeGreaterThan(0);
      const kept = readdirSync(join(dir, entry)).filter((f) => f.endsWith('.wasm'));
      for (const file of kept) expect(statSync(join(dir, entry, file)).size).toBeLessThan(64 * 1024);
    }
    const again = await load('echo-js');
    expect(again.cached).toBe(true);
    expect((await again.registry()).tools.has('echo')).toBe(true);
  });

  it('has a cached module imported from its file, not from the source text', async () => {
    const platform = await nodePlatform({ cacheDir: dir });
    // An entry's directory name is a key the cache reads as itself.
    const [entry] = readdirSync(dir);
    const hit = await directoryCache(dir).get(entry!);
    expect(hit?.moduleUrl).toBe(pathToFileURL(join(dir, entry!, 'component.js')).href);
    expect(readFileSync(new URL(hit!.moduleUrl!), 'utf8')).toBe(hit!.source);
    // Given both, the platform takes the file: this source alone has no instantiate.
    const module = await platform.importModule('export const other = 1;', hit!.moduleUrl);
    expect(typeof module.instantiate).toBe('function');
  });

  it('still refuses a wrong world that it has cached', async () => {
    for (let i = 0; i < 2; i++) await expect(load('other-world')).rejects.toMatchObject({ code: 'WRONG_WORLD' });
    await expect(load('other-world')).rejects.toBeInstanceOf(HostError);
  });

  it('treats a damaged entry as a miss', async () => {
    await load('everything');
    const entries = readdirSync(dir);
    expect(entries.length).toBeGreaterThan(0);
    for (const name of entries) writeFileSync(join(dir, name, 'meta.json'), '{ damaged');
    const again = await load('everything');
    expect(again.cached).toBe(false);
    expect((await again.registry()).tools.size).toBe(15);
  });
});
