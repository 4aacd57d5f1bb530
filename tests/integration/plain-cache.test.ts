/**
 * A component without wasi:mcp in the transpile cache: its printed WIT is kept
 * with jco's output, and a repeat load derives its tools from the cached WIT
 * (jco's wasm-tools not started), in memory and in the CLI's directory cache.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ComponentHost, type Transpiled, type TranspileCache } from '../../src/host/index.js';
import { nodePlatform } from '../../src/platform/node/platform.js';
import { exampleBytes } from '../helpers/examples.js';

const dir = mkdtempSync(join(tmpdir(), 'wasi-mcp-plain-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('derives the tools of a repeat load from the WIT kept in the cache', async () => {
  const entries = new Map<string, Transpiled>();
  const cache: TranspileCache = { get: async (k) => entries.get(k), put: async (k, v) => void entries.set(k, v) };
  const platform = { ...(await nodePlatform()), cache };
  const first = await ComponentHost.load(exampleBytes('typed'), { platform });
  expect(first.cached).toBe(false);
  expect(entries.size).toBe(1);
  const [entry] = entries.values();
  expect(entry.plainWit?.names).toContainEqual(['iface0', 'example:plain/ops']);
  // A doc comment that only the cached WIT has: the second load's tool shows it.
  entry.plainWit!.wit = entry.plainWit!.wit.replace(/^(\s*)export greet: func/m, '$1/// From the cache.\n$1export greet: func');
  const second = await ComponentHost.load(exampleBytes('typed'), { platform });
  expect(second.cached).toBe(true);
  expect((await second.registry()).tools.get('greet')?.definition.description).toBe('From the cache.');
  expect((await first.registry()).tools.get('greet')?.definition.description).toMatch(/^Calls the exported function greet/);
});

it('keeps the printed WIT in the CLI\'s directory cache', async () => {
  const platform = await nodePlatform({ cacheDir: dir });
  expect((await ComponentHost.load(exampleBytes('files'), { platform })).cached).toBe(false);
  const [name] = readdirSync(dir);
  const meta = JSON.parse(readFileSync(join(dir, name, 'meta.json'), 'utf8')) as { plainWit: { wit: string } };
  expect(meta.plainWit.wit).toMatch(/export read-file: func\(path: string\) -> result<string, string>;/);
  const again = await ComponentHost.load(exampleBytes('files'), { platform });
  expect(again.cached).toBe(true);
  expect([...(await again.registry()).tools.keys()]).toEqual(['list-directory', 'read-file']);
});
