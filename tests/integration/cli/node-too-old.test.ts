/**
 * `wasi-mcp` on the machines' Node 20 (system node), which is end-of-life and
 * not supported: the command says so in one line and exits 1 before loading
 * anything. Skipped where no Node 20 is on the PATH.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { delimiter } from 'node:path';
import { describe, expect, test } from 'vitest';
import { examplePath } from '../../helpers/examples.js';
import { BIN, CLI_ENV, ROOT } from '../../helpers/cli.js';

/** A `node` on PATH outside node_modules/.bin (where npm scripts put Node 24), if it is Node 20. */
function systemNode20(): string | undefined {
  const path = (process.env.PATH ?? '').split(delimiter).filter((p) => !p.includes('node_modules')).join(delimiter);
  try {
    const version = execFileSync('node', ['--version'], { env: { PATH: path }, encoding: 'utf8' }).trim();
    if (!version.startsWith('v20.')) return undefined;
    return execFileSync('sh', ['-c', 'command -v node'], { env: { PATH: path }, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

const node20 = systemNode20();

describe.skipIf(node20 === undefined)('on Node 20', () => {
  test('serve refuses to start, naming the Node versions it needs', () => {
    const result = spawnSync(node20!, [BIN, 'serve', examplePath('echo')], { cwd: ROOT, env: CLI_ENV, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^wasi-mcp: error NODE_TOO_OLD: Node 20\.\d+\.\d+ is not supported; use Node 22 or later\n$/);
  });
});
