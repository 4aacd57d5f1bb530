#!/usr/bin/env node
// Runs the official MCP conformance suite (@modelcontextprotocol/conformance)
// against examples/conformance served by `wasi-mcp serve --http`, once per
// protocol revision the host speaks: `--requirements 2025-11-25` and
// `--requirements 2026-07-28` (which also runs the tasks extension's
// scenarios, unscored). Run by `npm run conformance`; docs/conformance.md.
//
//   1. builds the component (examples/build.mjs conformance) and the CLI (npm run build:cli);
//   2. starts `wasi-mcp serve public/examples/conformance.wasm --http 0` and waits for its URL;
//   3. runs `conformance server --url ... --requirements <revision> --expected-failures conformance/expected-failures.yml`
//      for each revision;
//   4. prints a table (revision | scenario | result | failed checks) and a closing summary line;
//   5. always stops the server.
//
// Exits 0 when every scenario passes or fails as listed in conformance/expected-failures.yml,
// 1 on an unexpected failure, a listed scenario that now passes, or a run that did not finish.
// A scenario with a WARNING check counts as failed, as the suite's own baseline check counts it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXPECTED_FILE = join(ROOT, 'conformance', 'expected-failures.yml');
const COMPONENT = 'public/examples/conformance.wasm';
const SUITE_BIN = join(ROOT, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');

// The suite needs Node 22+ (fs.globSync) and the host needs JSPI (Node 24) for
// sampling and elicitation: use the project's own Node (the `node` devDependency)
// whatever Node started this script.
const LOCAL_NODE = join(ROOT, 'node_modules', '.bin', 'node');
const NODE = existsSync(LOCAL_NODE) ? LOCAL_NODE : process.execPath;
const ENV = { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`, NO_COLOR: '1' };

const STARTUP_TIMEOUT_MS = 90_000;
const SUITE_TIMEOUT_MS = 240_000;
const REVISIONS = ['2025-11-25', '2026-07-28'];
const STOP_GRACE_MS = 5_000;

const children = new Set();
let ending = false; // set once we exit or were interrupted
const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const say = (line) => console.log(`conformance: ${line}`);

/** Spawns a child that is killed on our exit; resolves with its exit code (or signal). */
function run(cmd, args, { timeoutMs, onStdout, onStderr, inherit = false } = {}) {
  const child = spawn(cmd, args, { cwd: ROOT, env: ENV, stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  if (!inherit) {
    child.stdout.setEncoding('utf8').on('data', onStdout ?? ((s) => process.stdout.write(s)));
    child.stderr.setEncoding('utf8').on('data', onStderr ?? ((s) => process.stderr.write(s)));
  }
  let timedOut = false;
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
    timedOut = true;
    stop(child);
  }, timeoutMs);
  const done = new Promise((resolve) => {
    child.on('error', (e) => resolve({ code: null, error: e, timedOut }));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, signal, timedOut });
    });
  });
  return { child, done };
}

/** SIGTERM, then SIGKILL if it is still there after the grace period. */
async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

async function step(label, cmd, args) {
  const t = Date.now();
  const { done } = run(cmd, args, { inherit: true });
  const { code, signal, error } = await done;
  if (code !== 0) throw new Error(`${label} failed (${error?.message ?? (signal ? `signal ${signal}` : `exit code ${code}`)})`);
  say(`${label}: ${seconds(Date.now() - t)}`);
}

/** Starts the server on a free loopback port; resolves with its MCP URL once it listens. */
function startServer(log) {
  const { child, done } = run(NODE, ['bin/wasi-mcp.js', 'serve', COMPONENT, '--http', '0'], {
    onStdout: (s) => log.push(s),
    onStderr: (s) => log.push(s),
  });
  const failed = (why) => new Error(`${why}; its output:\n${log.join('').trimEnd().split('\n').slice(-20).join('\n').replace(/^/gm, '  ')}`);
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(failed(`the server did not listen within ${seconds(STARTUP_TIMEOUT_MS)}`)), STARTUP_TIMEOUT_MS);
    const check = () => {
      const m = /http:\/\/127\.0\.0\.1:\d+\/mcp/.exec(log.join(''));
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    done.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(failed(`the server exited before it listened (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    });
  });
  return { child, done, url };
}

/** conformance/expected-failures.yml: the `server:` entries, each with the comment block above it as its reason. */
function readExpected() {
  const expected = new Map();
  if (!existsSync(EXPECTED_FILE)) return expected;
  let inServer = false;
  let comment = [];
  let commentEnded = false;
  for (const line of readFileSync(EXPECTED_FILE, 'utf8').split('\n')) {
    if (/^\S/.test(line) && !line.startsWith('#')) {
      inServer = /^server:\s*(#.*)?$/.test(line);
      comment = [];
      continue;
    }
    const c = /^\s*#\s?(.*)$/.exec(line);
    if (c) {
      if (commentEnded) comment = [];
      commentEnded = false;
      comment.push(c[1].trim());
      continue;
    }
    commentEnded = true;
    const item = /^\s+-\s+['"]?([\w./-]+)['"]?\s*(?:#\s*(.*))?$/.exec(line);
    // A comment block gives the reason of every item under it, up to the next comment or blank line.
    if (item && inServer) expected.set(item[1], [...comment, item[2] ?? ''].filter(Boolean).join(' '));
    else if (line.trim() === '') comment = [];
  }
  return expected;
}

/** The suite's closing `✓/✗ scenario: N passed, M failed` lines, in run order. */
function summaryScenarios(output) {
  const at = output.lastIndexOf('=== SUMMARY ===');
  if (at < 0) return [];
  return [...output.slice(at).matchAll(/^[✓✗] (\S+): \d+ passed, \d+ failed$/gm)].map((m) => m[1]);
}

/** checks.json of every scenario under the results folder, by scenario name. */
function readChecks(dir) {
  const byScenario = new Map();
  for (const entry of existsSync(dir) ? readdirSync(dir) : []) {
    const m = /^server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/.exec(entry);
    const file = join(dir, entry, 'checks.json');
    if (m && existsSync(file)) byScenario.set(m[1], JSON.parse(readFileSync(file, 'utf8')));
  }
  return byScenario;
}

function table(rows) {
  const head = ['revision', 'scenario', 'result', 'failed checks'];
  const last = head.length - 1;
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === last ? c : c.padEnd(widths[i]))).join(' | ')}`.trimEnd();
  return [line(head), line(widths.map((w, i) => '-'.repeat(i === last ? head[last].length : w))), ...rows.map(line)].join('\n');
}

async function main() {
  if (!existsSync(SUITE_BIN)) throw new Error('@modelcontextprotocol/conformance is not installed: run npm install');
  say(`node ${NODE === process.execPath ? process.version : `from ${LOCAL_NODE}`}`);
  await step('build component', NODE, ['examples/build.mjs', 'conformance']);
  await step('build CLI', 'npm', ['run', '--silent', 'build:cli']);

  const serverLog = [];
  const server = startServer(serverLog);
  let result;
  try {
    const t = Date.now();
    const url = await server.url;
    say(`server listening at ${url} after ${seconds(Date.now() - t)}`);

    result = [];
    for (const revision of REVISIONS) {
      const results = mkdtempSync(join(tmpdir(), `wasi-mcp-conformance-${revision}-`));
      const args = [SUITE_BIN, 'server', '--url', url, '--requirements', revision, '-o', results];
      if (existsSync(EXPECTED_FILE)) args.push('--expected-failures', EXPECTED_FILE);
      const suiteStart = Date.now();
      let output = '';
      const suite = run(NODE, args, {
        timeoutMs: SUITE_TIMEOUT_MS,
        onStdout: (s) => {
          output += s;
          process.stdout.write(s);
        },
      });
      result.push({ revision, ...(await suite.done), output, results, suiteMs: Date.now() - suiteStart });
      if (ending) break;
    }
  } finally {
    await stop(server.child);
  }
  if (ending) return 130; // interrupted: the children are being stopped, no summary

  const expected = readExpected();
  const rows = [];
  const passed = [];
  const failed = [];
  const problems = [];
  const ran = new Set();
  for (const { revision, code: suiteCode, signal: suiteSignal, timedOut, output, results } of result) {
    const checks = readChecks(results);
    const names = summaryScenarios(output);
    for (const name of checks.keys()) if (!names.includes(name)) names.push(name);
    for (const name of names) {
      ran.add(name);
      const list = checks.get(name);
      const bad = (list ?? []).filter((c) => c.status === 'FAILURE' || c.status === 'WARNING');
      const ok = list !== undefined && list.length > 0 && bad.length === 0;
      (ok ? passed : failed).push(`${revision} ${name}`);
      const isExpected = expected.has(name);
      let state = ok ? 'pass' : isExpected ? 'fail (expected)' : 'FAIL';
      if (ok && isExpected) {
        state = 'pass (listed as expected failure)';
        problems.push(`${name} passes at ${revision} but is listed in conformance/expected-failures.yml: remove it`);
      }
      if (!ok && !isExpected) problems.push(`${name} failed unexpectedly at ${revision}`);
      const detail = list === undefined
        ? 'no checks.json: the scenario did not run to the end (see its output above)'
        : bad.map((c) => `${c.status === 'WARNING' ? 'warning ' : ''}${c.id}${c.errorMessage ? `: ${c.errorMessage}` : ''}`).join('; ');
      rows.push([revision, name, state, detail]);
    }
    const planned = Number(/^Running (?:\w+ suite|requirements \S+) \((\d+) scenarios\)/m.exec(output)?.[1] ?? NaN);
    if (timedOut) problems.push(`the ${revision} run did not finish within ${seconds(SUITE_TIMEOUT_MS)}`);
    else if (suiteSignal) problems.push(`the ${revision} run was ended by ${suiteSignal}`);
    if (names.length !== planned) problems.push(`${revision}: ${names.length} of ${Number.isNaN(planned) ? '?' : planned} scenarios reported a result`);
    if (names.length === 0) problems.push(`${revision}: no scenario ran`);
    if (suiteCode !== 0 && problems.length === 0) problems.push(`the ${revision} run exited with code ${suiteCode}`);
  }
  for (const name of expected.keys()) {
    if (!ran.has(name)) problems.push(`${name} is listed in conformance/expected-failures.yml but did not run`);
  }
  const suiteMs = result.reduce((sum, r) => sum + r.suiteMs, 0);
  const failedNames = new Set(failed.map((f) => f.split(' ')[1]));

  console.log(`\n${table(rows)}\n`);
  for (const [name, reason] of expected) if (failedNames.has(name)) console.log(`expected failure ${name}: ${reason}`);
  for (const problem of problems) console.log(`conformance: error: ${problem}`);
  if (problems.length > 0) {
    // Without the one-line-per-session notes, which say nothing here.
    const lines = serverLog.join('').split('\n').filter((l) => l.trim() && !/: session \d+: (opened|closed)/.test(l));
    console.log(`\nthe server's stderr (last 40 lines, session open/close notes left out):\n${lines.slice(-40).join('\n').replace(/^/gm, '  ')}`);
  }
  console.log(`checks: ${result.map((r) => r.results).join(', ')}`);
  console.log(`time: suite ${seconds(suiteMs)}, total ${seconds(Date.now() - started)}`);
  const expectedCount = failed.filter((n) => expected.has(n.split(' ')[1])).length;
  console.log(`conformance: ${passed.length} passed, ${failed.length} failed (${expectedCount} expected)`);
  return problems.length === 0 ? 0 : 1;
}

// Never leave the server (or the suite) behind, however we end.
async function end(code) {
  if (ending) return;
  ending = true;
  await Promise.allSettled([...children].map(stop));
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (!ending) console.error(`conformance: interrupted (${signal}); stopping the server`);
    void end(130);
  });
}

main().then(end, (e) => {
  console.error(`conformance: error: ${e?.message ?? e}`);
  void end(1);
});
