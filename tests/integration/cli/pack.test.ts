/**
 * What `npm pack` ships runs: the tarball (its prepack builds the CLI),
 * installed into an empty folder by npm with its dependencies from the
 * registry, serves a component over stdio. Packed from a copy of the project,
 * so the build does not touch the dist-node/ other tests run.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { examplePath } from '../../helpers/examples.js';
import { CLI_ENV, ROOT } from '../../helpers/cli.js';

/** What the project's own build and runs leave at its top level: not sources, not copied. */
const NOT_SOURCES = new Set(['.git', 'node_modules', 'dist', 'dist-node', 'public', 'test-results', '.cache']);

let work: string;
let installedBin: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'wasi-mcp-pack-'));
  const project = join(work, 'project');
  cpSync(ROOT, project, { recursive: true, filter: (src) => !NOT_SOURCES.has(src.slice(ROOT.length).split('/')[0]!) });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  execFileSync('npm', ['pack', '--pack-destination', work], { cwd: project, stdio: 'ignore' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack left no tarball in ${work}`);
  const app = join(work, 'app');
  mkdirSync(app);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', join(work, tarball)], { cwd: app, stdio: 'ignore' });
  installedBin = join(app, 'node_modules', '.bin', 'wasi-mcp');
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Writes `lines` to `wasi-mcp serve <file>` over stdio and resolves with the first `count` lines it answers. */
function serve(file: string, lines: unknown[], count: number): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [installedBin, 'serve', file], { env: CLI_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const answers = stdout.split('\n').filter((l) => l !== '');
      if (answers.length >= count && stdout.endsWith('\n')) {
        child.kill();
        resolve(answers.slice(0, count).map((l) => JSON.parse(l) as unknown));
      }
    });
    child.on('exit', (code) => reject(new Error(`wasi-mcp exited with ${code} before answering; stderr: ${stderr}`)));
    child.stdin.write(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  });
}

test('the installed wasi-mcp serves a component over stdio', async () => {
  const initialize = {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'pack-test', version: '1.0.0' } },
  };
  const answers = await serve(
    examplePath('echo'),
    [initialize, { jsonrpc: '2.0', method: 'notifications/initialized' }, { jsonrpc: '2.0', id: 2, method: 'tools/list' }],
    2,
  );
  expect(answers[0]).toMatchObject({ id: 1, result: { serverInfo: { name: 'echo' } } });
  expect(answers[1]).toMatchObject({ id: 2, result: { tools: [{ name: 'echo' }] } });
}, 120_000);
