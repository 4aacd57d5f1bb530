/**
 * The host platform under Node. jco's generated module is imported from its
 * file in the transpile cache, or else from a data: URL. WASI comes from the shim's pure-JS browser build, not its Node
 * build: the Node build passes the whole process environment and writes the
 * component's stdout to fd 1, which would corrupt a stdio JSON-RPC stream,
 * while the browser build grants nothing unless asked and lets the host
 * capture stdio per instance.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Platform } from '../../host/index.js';
import type { WasiShimModules } from '../../host/wasi.js';
import { directoryCache } from './cache.js';
import { hostMounts, type HostDir } from './host-filesystem.js';

const require = createRequire(import.meta.url);

async function loadBrowserShim(): Promise<WasiShimModules> {
  const nodeEntry = require.resolve('@bytecodealliance/preview2-shim');
  const browserEntry = nodeEntry.replace(/([\\/])nodejs([\\/])index\.js$/, '$1browser$2index.js');
  if (browserEntry === nodeEntry) throw new Error(`unexpected preview2-shim layout: ${nodeEntry}`);
  return (await import(pathToFileURL(browserEntry).href)) as WasiShimModules;
}

let shim: Promise<WasiShimModules> | undefined;

export interface NodePlatformOptions {
  /** A directory for transpiled components, reused across runs (none: transpile every time). */
  cacheDir?: string;
  /** Real host directories every instance sees, writes included (`--dir`). */
  dirs?: HostDir[];
}

export async function nodePlatform(options: NodePlatformOptions = {}): Promise<Platform> {
  shim ??= loadBrowserShim();
  const wasi = await shim;
  const dirs = options.dirs ?? [];
  return {
    wasi,
    ...(dirs.length === 0 ? {} : { mounts: () => hostMounts(wasi.io, dirs) }),
    ...(options.cacheDir === undefined ? {} : { cache: directoryCache(options.cacheDir) }),
    // A cached module is imported from its file: Node decodes a data: URL of jco's output (about a
    // megabyte) in about 100 ms more, and its compile cache, when enabled, keeps only files' code.
    importModule: async (source, url) =>
      (await import(url ?? `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as Awaited<
        ReturnType<Platform['importModule']>
      >,
  };
}
