#!/usr/bin/env node
// The wasi-mcp command. The CLI is TypeScript compiled to dist-node/ by `npm run build:cli`
// (not under dist/: `vite build` empties that for the web app).
import { existsSync } from 'node:fs';

const main = new URL('../dist-node/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('wasi-mcp: error NOT_BUILT: dist-node/cli/main.js is missing: run npm run build:cli\n');
  process.exit(1);
}
const { main: run } = await import(main.href);
await run(process.argv.slice(2));
