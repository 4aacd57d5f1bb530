// Builds every example into public/examples/<name>.wasm and writes
// public/examples/index.json. Run by `npm run build:examples`.
//
//   node examples/build.mjs [--force] [name ...]
//
// An output newer than all of its sources (its folder, the shared helpers,
// wit/, examples/wit/ and this script) is not rebuilt, so repeated
// `npm start` / `npm test` runs are fast. --force rebuilds anyway; names
// restrict the build to those examples. Exits 1 if any example fails.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const WIT = join(ROOT, 'wit');
const OUT = join(ROOT, 'public', 'examples');

// kind 'server' = a working server (a wasi:mcp one, or a component without
// wasi:mcp served as tools derived from its exports); 'hostile' = for testing
// how a host copes with bad input. `world` only applies to the JS toolchains and
// wat-core (a core module in WAT, made a component for that world); `wit` names
// a WIT folder of its own (with wit/deps beside it) instead of wit/.
const EXAMPLES = [
  {
    name: 'echo',
    kind: 'server',
    toolchain: 'componentize-qjs',
    entry: 'echo/echo.js',
    world: 'mcp-server',
    description: 'The smallest useful server: one tool, echo, that returns its text (QuickJS).',
  },
  {
    name: 'echo-js',
    kind: 'server',
    toolchain: 'componentize-js',
    entry: 'echo-js/echo.js',
    world: 'mcp-server',
    description: 'The echo server built with componentize-js (SpiderMonkey); large, but a second toolchain.',
  },
  {
    name: 'everything',
    kind: 'server',
    toolchain: 'componentize-qjs',
    entry: 'everything/index.js',
    world: 'mcp-server-stdio',
    description:
      'Exercises the whole contract: every content type, structured output, resources, a template, ' +
      'subscriptions, prompts, completions, logging, progress, notifications, stdout/stderr.',
  },
  {
    name: 'conformance',
    kind: 'server',
    toolchain: 'componentize-qjs',
    entry: 'conformance/index.js',
    world: 'mcp-server',
    description:
      'The fixtures of the official MCP conformance suite (server scenarios): test_* tools including sampling and ' +
      'elicitation, test:// resources and template, test_* prompts, completions. Run by npm run conformance.',
  },
  {
    name: 'many-tools',
    kind: 'server',
    toolchain: 'componentize-qjs',
    entry: 'many-tools/index.js',
    world: 'mcp-server',
    description: '300 generated tools (verb_noun, six kinds of input schema) for trying search and long lists.',
  },
  {
    name: 'apps',
    kind: 'server',
    toolchain: 'componentize-qjs',
    entry: 'apps/index.js',
    world: 'mcp-server',
    description:
      'An MCP App: show-counter opens a counter view (ui://apps/counter.html) whose +1 button calls increment, ' +
      'a tool only apps may call; reset-counter is for the model only, so the view is refused.',
  },
  {
    name: 'trap',
    kind: 'hostile',
    toolchain: 'componentize-qjs',
    entry: 'trap/trap.js',
    world: 'mcp-server',
    description: 'Tools ok, trap (wasm trap), loop (never returns) and oom (allocates until memory runs out).',
  },
  {
    name: 'garbage',
    kind: 'hostile',
    toolchain: 'componentize-qjs',
    entry: 'garbage/index.js',
    world: 'mcp-server-env',
    description:
      'Registers garbage (bad schemas, duplicates, huge descriptions); its tool refusals lists what the host refused. ' +
      'With GARBAGE_ESCAPE=1 in its environment the last refusal fails run.',
  },
  {
    name: 'capabilities',
    kind: 'server',
    toolchain: 'componentize-js', // componentize-qjs 0.4.5 cannot build wasi:http imports (capabilities/index.js)
    entry: 'capabilities/index.js',
    world: 'mcp-server-caps',
    description:
      'One tool per WASI grant, for testing them: env (environment variables), list-dirs, read-file and ' +
      'write-file (preopened directories), fetch (outgoing HTTP with wasi:http).',
  },
  {
    name: 'typed',
    kind: 'server',
    toolchain: 'componentize-js', // its bindings give s64/u64 as BigInt, so 64-bit values round-trip exactly
    entry: 'typed/index.js',
    wit: 'plain-wit',
    world: 'typed',
    description:
      'No wasi:mcp: exports interface ops (records, enums, flags, variants, options, results, tuples, lists, every ' +
      'integer width, floats, char, a resource) and greet; the host serves each function as a tool with a derived schema.',
  },
  {
    name: 'files',
    kind: 'server',
    toolchain: 'componentize-js',
    entry: 'files/index.js',
    wit: 'plain-wit',
    world: 'files',
    description: 'No wasi:mcp: exports list-directory and read-file over the directories granted with --dir, served as tools.',
  },
  {
    name: 'not-a-component',
    kind: 'hostile',
    toolchain: 'wat',
    entry: 'not-a-component/module.wat',
    description: 'A core WebAssembly module, not a component.',
  },
  {
    name: 'other-world',
    kind: 'hostile',
    toolchain: 'wat',
    entry: 'other-world/component.wat',
    description: 'A valid component of another world: a command (exports wasi:cli/run and hello: func() -> string, no wasi:mcp).',
  },
  {
    name: 'memory64',
    kind: 'hostile',
    toolchain: 'wat',
    entry: 'memory-hogs/memory64.wat',
    description: 'A 64-bit memory with no maximum that grows to 1 GiB as the component is instantiated.',
  },
  {
    name: 'shared-memory',
    kind: 'hostile',
    toolchain: 'wat',
    entry: 'memory-hogs/shared-memory.wat',
    description: 'A shared memory of up to 1 GiB that grows to its maximum as the component is instantiated.',
  },
  {
    name: 'many-memories',
    kind: 'hostile',
    toolchain: 'wat',
    entry: 'memory-hogs/many-memories.wat',
    description: 'Sixteen instances of a module whose memory grows to 63 MiB as it is instantiated (1008 MiB in all).',
  },
  {
    name: 'floods',
    kind: 'hostile',
    toolchain: 'wat-core',
    entry: 'floods/floods.wat',
    world: 'mcp-hostile',
    description:
      'Tools copy (20,000 text blocks over the same 1 MiB), copy-some (40 of them) and log (10,000 log messages of 1 KiB).',
  },
  {
    name: 'schema-flood',
    kind: 'hostile',
    toolchain: 'wat-core',
    entry: 'floods/schema-flood.wat',
    world: 'mcp-hostile',
    description: 'Registers 1,500 tools, ten at a time, whose 1 MB input schemas all point at the same memory.',
  },
  {
    name: 'not-wasm',
    kind: 'hostile',
    toolchain: 'none',
    entry: 'not-wasm/not-wasm.txt',
    description: 'A text file with a .wasm name: not WebAssembly at all.',
  },
];

// What each output is checked against after building: the 8-byte preamble.
const MAGIC = '0061736d';
const PREAMBLE = { component: MAGIC + '0d000100', module: MAGIC + '01000000' };

/** Newest mtime (ms) of a file or of every file under a folder. */
function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs; // catches deletions inside the folder
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

function sourcesOf(ex) {
  const paths = [join(HERE, dirname(ex.entry)), fileURLToPath(import.meta.url)];
  if (ex.wit) paths.push(join(HERE, ex.wit));
  if (ex.toolchain === 'componentize-qjs') paths.push(join(HERE, 'shared'), join(HERE, 'wit'), WIT);
  if (ex.toolchain === 'componentize-js') paths.push(join(HERE, 'wit'), WIT);
  if (ex.toolchain === 'wat-core') paths.push(WIT);
  return paths;
}

// The JS toolchains only let JS import interfaces their world names. The
// examples' extra worlds (examples/wit/*.wit, e.g. mcp-server-stdio) and the
// WIT packages only they use (examples/wit/deps/, e.g. wasi:http) are merged
// into a temporary copy of wit/, so wit/ itself is never touched.
let mergedWit;
function mergedWitDir() {
  if (mergedWit) return mergedWit;
  mergedWit = mkdtempSync(join(tmpdir(), 'wasi-mcp-examples-wit-'));
  cpSync(WIT, mergedWit, { recursive: true });
  for (const f of readdirSync(join(HERE, 'wit'))) {
    if (f.endsWith('.wit')) cpSync(join(HERE, 'wit', f), join(mergedWit, `examples-${f}`));
  }
  const deps = join(HERE, 'wit', 'deps');
  for (const pkg of existsSync(deps) ? readdirSync(deps) : []) {
    if (existsSync(join(mergedWit, 'deps', pkg))) throw new Error(`examples/wit/deps/${pkg} would replace wit/deps/${pkg}`);
    cpSync(join(deps, pkg), join(mergedWit, 'deps', pkg), { recursive: true });
  }
  return mergedWit;
}

// An example with WIT of its own gets a temporary folder holding that WIT and
// wit/deps (the WASI packages it may import).
const ownWits = new Map();
function ownWitDir(name) {
  if (ownWits.has(name)) return ownWits.get(name);
  const dir = mkdtempSync(join(tmpdir(), 'wasi-mcp-examples-wit-'));
  cpSync(join(HERE, name), dir, { recursive: true });
  cpSync(join(WIT, 'deps'), join(dir, 'deps'), { recursive: true });
  ownWits.set(name, dir);
  return dir;
}

const witDirOf = (ex) => (ex.wit ? ownWitDir(ex.wit) : mergedWitDir());

const builders = {
  async 'componentize-qjs'(ex) {
    const { componentize } = await import('componentize-qjs');
    const jsPath = join(HERE, ex.entry);
    const { component } = await componentize({
      witPath: witDirOf(ex),
      jsSource: readFileSync(jsPath, 'utf8'),
      jsPath, // relative imports resolve from here ...
      moduleRoot: HERE, // ... within this root (so ../shared/ works)
      world: ex.world,
      sync: true, // the non-async component ABI, which jco runs everywhere
    });
    return { bytes: component, preamble: PREAMBLE.component };
  },

  async 'componentize-js'(ex) {
    // With preview2-shim 0.26 the splicer (itself a wasm component run by
    // jco) starts with no preopens and cannot read wit/ without this.
    const { _setPreopens } = await import('@bytecodealliance/preview2-shim/filesystem');
    _setPreopens({ '/': '/' });
    const { componentize } = await import('@bytecodealliance/componentize-js');
    const { component } = await componentize({
      sourcePath: join(HERE, ex.entry),
      witPath: witDirOf(ex),
      worldName: ex.world,
    });
    return { bytes: component, preamble: PREAMBLE.component };
  },

  async wat(ex) {
    // jco's wasm-tools `parse` turns WAT (core or component text) into binary.
    const { parse } = await import('@bytecodealliance/jco');
    const bytes = await parse(readFileSync(join(HERE, ex.entry), 'utf8'));
    const isComponent = Buffer.from(bytes.subarray(4, 8)).toString('hex') === '0d000100';
    return { bytes, preamble: isComponent ? PREAMBLE.component : PREAMBLE.module };
  },

  async 'wat-core'(ex) {
    // A core module whose imports and exports follow the canonical ABI's names for `world`,
    // defined in world.wit beside it: wasm-tools embeds the world's WIT in the module and makes
    // the component around it.
    const { _setPreopens } = await import('@bytecodealliance/preview2-shim/filesystem');
    _setPreopens({ '/': '/' });
    const { parse, componentEmbed, componentNew } = await import('@bytecodealliance/jco');
    const wit = mkdtempSync(join(tmpdir(), 'wasi-mcp-wat-core-wit-'));
    try {
      cpSync(WIT, wit, { recursive: true });
      cpSync(join(HERE, dirname(ex.entry), 'world.wit'), join(wit, 'wat-core-world.wit'));
      const core = await parse(readFileSync(join(HERE, ex.entry), 'utf8'));
      const embedded = await componentEmbed({ binary: core, witPath: wit, world: ex.world });
      return { bytes: await componentNew(embedded), preamble: PREAMBLE.component };
    } finally {
      rmSync(wit, { recursive: true, force: true });
    }
  },

  async none(ex) {
    return { bytes: readFileSync(join(HERE, ex.entry)), preamble: undefined };
  },
};

const size = (n) => (n < 1024 ? `${n} B` : n < 2 ** 20 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 2 ** 20).toFixed(2)} MiB`).padStart(10);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`.padStart(7);

async function main(argv) {
  const force = argv.includes('--force');
  const names = argv.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !EXAMPLES.some((ex) => ex.name === n));
  if (unknown.length) throw new Error(`unknown example(s): ${unknown.join(', ')}; known: ${EXAMPLES.map((e) => e.name).join(', ')}`);

  mkdirSync(OUT, { recursive: true });
  const failures = [];
  const width = Math.max(...EXAMPLES.map((e) => e.name.length));
  for (const ex of EXAMPLES) {
    if (names.length && !names.includes(ex.name)) continue;
    const out = join(OUT, `${ex.name}.wasm`);
    const label = `${ex.name.padEnd(width)}  ${ex.toolchain.padEnd(16)}`;
    if (!force && existsSync(out) && statSync(out).mtimeMs > Math.max(...sourcesOf(ex).map(newest))) {
      console.log(`  ${label}${size(statSync(out).size)}  up to date`);
      continue;
    }
    const start = Date.now();
    try {
      const { bytes, preamble } = await builders[ex.toolchain](ex);
      const got = Buffer.from(bytes.subarray(0, 8)).toString('hex');
      if (preamble && got !== preamble) throw new Error(`output starts with ${got}, expected ${preamble}`);
      // Write then rename, so a failed or interrupted build never leaves a
      // fresh-looking output behind.
      writeFileSync(`${out}.tmp`, bytes);
      renameSync(`${out}.tmp`, out);
      console.log(`  ${label}${size(bytes.length)}${secs(Date.now() - start)}`);
    } catch (e) {
      rmSync(`${out}.tmp`, { force: true });
      const message = String(e?.stack ?? e?.message ?? e);
      console.error(`  ${label}  FAILED after ${((Date.now() - start) / 1000).toFixed(1)} s\n${message.replace(/^/gm, '      ')}`);
      failures.push(ex.name);
    }
  }

  // The index lists every example whose output exists (a failed build keeps
  // an older output if there was one). Written only when it changes, so dev
  // servers watching public/ do not reload for nothing.
  const index = EXAMPLES.filter((ex) => existsSync(join(OUT, `${ex.name}.wasm`))).map(({ name, description, toolchain, kind }) => ({
    name,
    file: `${name}.wasm`,
    description,
    toolchain,
    kind,
  }));
  const indexPath = join(OUT, 'index.json');
  const json = `${JSON.stringify(index, null, 2)}\n`;
  if (!existsSync(indexPath) || readFileSync(indexPath, 'utf8') !== json) writeFileSync(indexPath, json);

  if (failures.length) throw new Error(`failed to build: ${failures.join(', ')} (see above)`);
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  console.error(`examples/build.mjs: ${e.message}`);
  process.exitCode = 1;
} finally {
  if (mergedWit) rmSync(mergedWit, { recursive: true, force: true });
  for (const dir of ownWits.values()) rmSync(dir, { recursive: true, force: true });
}
