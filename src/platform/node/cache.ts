/**
 * The transpile cache under Node: one directory per key, written to a
 * temporary name and renamed into place so that a reader never sees half an
 * entry and two processes can fill it at once.
 */
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Transpiled, TranspileCache } from '../../host/transpile.js';

/** WASI_MCP_CACHE_DIR, else $XDG_CACHE_HOME/wasi-mcp, else ~/.cache/wasi-mcp. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.WASI_MCP_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'wasi-mcp');
}

const entryName = (key: string) => key.replace(/[^A-Za-z0-9._-]/g, '_');

export function directoryCache(dir: string): TranspileCache {
  return {
    async get(key) {
      const entry = join(dir, entryName(key));
      let meta: { world: Transpiled['world']; modules: string[]; embedded: Transpiled['embedded']; plainWit?: Transpiled['plainWit'] };
      try {
        meta = JSON.parse(await readFile(join(entry, 'meta.json'), 'utf8')) as typeof meta;
      } catch {
        return undefined;
      }
      const file = join(entry, 'component.js');
      const source = await readFile(file, 'utf8');
      const modules = await Promise.all(
        meta.modules.map(async (name): Promise<[string, Uint8Array]> => [name, new Uint8Array(await readFile(join(entry, name)))]),
      );
      return {
        source,
        world: meta.world,
        modules,
        embedded: meta.embedded,
        ...(meta.plainWit ? { plainWit: meta.plainWit } : {}),
        moduleUrl: pathToFileURL(file).href,
      };
    },

    async put(key, value) {
      await mkdir(dir, { recursive: true });
      const entry = join(dir, entryName(key));
      const temp = `${entry}.tmp-${process.pid}-${Date.now()}`;
      await mkdir(temp);
      try {
        await writeFile(join(temp, 'component.js'), value.source);
        for (const [name, bytes] of value.modules) await writeFile(join(temp, name), bytes);
        const meta = { world: value.world, modules: value.modules.map(([n]) => n), embedded: value.embedded, plainWit: value.plainWit };
        await writeFile(join(temp, 'meta.json'), JSON.stringify(meta));
        await rename(temp, entry);
      } catch (e) {
        await rm(temp, { recursive: true, force: true });
        // Another process renamed the same entry into place first: theirs is as good as ours.
        if ((await readdir(dir)).includes(entryName(key))) return;
        throw e;
      }
    },
  };
}
