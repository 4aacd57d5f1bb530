/**
 * The CLI keeps transpiled components in its cache directory
 * (WASI_MCP_CACHE_DIR here, a fresh temp dir per test) and reads them back
 * on the next start; --no-cache leaves the directory alone.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { CLI_ENV, runCli } from '../../helpers/cli.js';
import { examplePath } from '../../helpers/examples.js';

const scratch = mkdtempSync(join(tmpdir(), 'wasi-mcp-cli-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const inspectEcho = async (cacheDir: string, ...flags: string[]) => {
  const result = await runCli(['inspect', examplePath('echo'), ...flags], 60_000, { ...CLI_ENV, WASI_MCP_CACHE_DIR: cacheDir });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { tools: { name: string }[]; world: { imports: string[] } };
};

test('a first run fills the cache, and the next run reads it', async () => {
  const dir = join(scratch, 'on');
  expect((await inspectEcho(dir)).tools.map((t) => t.name)).toEqual(['echo']);
  const entries = readdirSync(dir);
  expect(entries).toHaveLength(1);
  // Mark the entry: only a run that reads it can report the mark.
  const meta = join(dir, entries[0], 'meta.json');
  const parsed = JSON.parse(readFileSync(meta, 'utf8')) as { world: { imports: string[] } };
  parsed.world.imports.push('test:cache/marker');
  writeFileSync(meta, JSON.stringify(parsed));
  const second = await inspectEcho(dir);
  expect(second.tools.map((t) => t.name)).toEqual(['echo']);
  expect(second.world.imports).toContain('test:cache/marker');
  expect(readdirSync(dir)).toEqual(entries);
});

test('--no-cache neither reads nor writes it', async () => {
  const dir = join(scratch, 'off');
  expect((await inspectEcho(dir, '--no-cache')).tools.map((t) => t.name)).toEqual(['echo']);
  expect(existsSync(dir)).toBe(false);
});
