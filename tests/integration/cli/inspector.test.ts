/** The MCP Inspector's CLI mode (npm: @modelcontextprotocol/inspector) driving `wasi-mcp serve`. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { examplePath } from '../../helpers/examples.js';
import { BIN, ROOT } from '../../helpers/cli.js';

const require = createRequire(import.meta.url);
const pkg = require.resolve('@modelcontextprotocol/inspector/package.json');
const INSPECTOR = join(dirname(pkg), (require(pkg) as { bin: Record<string, string> }).bin['mcp-inspector']);
// The Inspector keeps a catalog under $HOME; keep the tests out of the real one.
const HOME = mkdtempSync(join(tmpdir(), 'wasi-mcp-inspector-'));

/** `npx @modelcontextprotocol/inspector --cli node bin/wasi-mcp.js serve <file> ...args` */
function inspector(file: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [INSPECTOR, '--cli', process.execPath, BIN, 'serve', file, ...args], {
      cwd: ROOT,
      env: { ...process.env, HOME },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('MCP Inspector CLI against wasi-mcp serve', () => {
  afterAll(() => rmSync(HOME, { recursive: true, force: true }));

  test('tools/list', async () => {
    const result = await inspector(examplePath('echo'), ['--method', 'tools/list']);
    expect(result.code, result.stderr).toBe(0);
    const { tools } = JSON.parse(result.stdout) as { tools: { name: string; inputSchema: unknown }[] };
    expect(tools).toEqual([
      expect.objectContaining({ name: 'echo', inputSchema: expect.objectContaining({ required: ['text'] }) }),
    ]);
  });

  test('tools/call', async () => {
    const result = await inspector(examplePath('echo'), ['--method', 'tools/call', '--tool-name', 'echo', '--tool-arg', 'text=hello from the Inspector']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ content: [{ type: 'text', text: 'hello from the Inspector' }] });
  });

  test('a missing file fails the Inspector, with our one line on its stderr', async () => {
    const result = await inspector('no/such.wasm', ['--method', 'tools/list']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('wasi-mcp: error FILE_NOT_FOUND: no/such.wasm: no such file');
  });
});
