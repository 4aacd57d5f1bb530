#!/usr/bin/env node
// The wasi-mcp command. The CLI is TypeScript compiled to dist-node/ by `npm run build:cli`
// (not under dist/: `vite build` empties that for the web app).
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node's compile cache keeps the compiled code of the CLI's modules, the SDK's and a cached
// component's generated module between runs (about 2 MB of JavaScript, compiled again in each
// of the main thread and the component's worker otherwise). Workers find it through the
// environment. Node 22.0 has no compile cache; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
const compileCache = module.enableCompileCache?.();
if (compileCache?.directory) process.env.NODE_COMPILE_CACHE ??= compileCache.directory;

const main = new URL('../dist-node/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('wasi-mcp: error NOT_BUILT: dist-node/cli/main.js is missing: run npm run build:cli\n');
  process.exit(1);
}
const { main: run } = await import(main.href);
await run(process.argv.slice(2));
