/** Bad files and bad command lines: a documented exit code and one readable line on stderr. */
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { examplePath } from '../../helpers/examples.js';
import { ROOT, runCli, type RunResult } from '../../helpers/cli.js';

/** Exactly one line, ours, with the code; no stack trace, nothing on stdout. */
function expectOneLineError(result: RunResult, exitCode: number, code: string, text: string | RegExp): void {
  expect(result.code).toBe(exitCode);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('['));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^wasi-mcp: error ${code}: `));
  expect(lines[0]).toMatch(text);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

const scratch = mkdtempSync(join(tmpdir(), 'wasi-mcp-bad-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(['serve', 'inspect'])('%s with a bad component file', (command) => {
  test('a missing file: exit 3', async () => {
    expectOneLineError(await runCli([command, 'no/such/file.wasm']), 3, 'FILE_NOT_FOUND', 'no/such/file.wasm: no such file');
  });

  test('not wasm: exit 3', async () => {
    expectOneLineError(await runCli([command, examplePath('not-wasm')]), 3, 'NOT_WASM', 'not a WebAssembly file');
  });

  test('a core module: exit 3', async () => {
    expectOneLineError(await runCli([command, examplePath('not-a-component')]), 3, 'NOT_A_COMPONENT', 'not a component');
  });

  // A sparse file: 101 MiB long, refused by its size before anything is read.
  test('a huge file: exit 3', async () => {
    const path = join(scratch, 'huge.wasm');
    writeFileSync(path, '');
    truncateSync(path, 101 * 2 ** 20);
    expectOneLineError(await runCli([command, path]), 3, 'TOO_LARGE', /huge\.wasm: the file is 101\.0 MiB \(105906176 bytes\); components of up to 100 MiB can be loaded$/);
  });

  test('a truncated component: exit 3', async () => {
    const path = join(scratch, 'half.wasm');
    const echo = readFileSync(examplePath('echo'));
    writeFileSync(path, echo.subarray(0, echo.length >> 1));
    expectOneLineError(await runCli([command, path]), 3, 'TRUNCATED', /half\.wasm: the file is truncated: /);
  });

  test('the wrong world: exit 3', async () => {
    expectOneLineError(
      await runCli([command, examplePath('other-world')]),
      3,
      'WRONG_WORLD',
      /other-world\.wasm: component does not import wasi:mcp\/runtime/,
    );
  });
});

describe('usage', () => {
  // The parsing itself is covered in tests/unit/cli/args.test.ts; these check the process.
  test.each([
    [[], 'no command given'],
    [['run', 'x.wasm'], 'unknown command run'],
    [['serve', 'x.wasm', '--timeout', 'soon'], '--timeout wants a positive integer, got soon'],
    [['serve', 'x.wasm', '--allow-http', 'example.com'], '--allow-http wants an origin like https://example.com'],
    [['serve', 'x.wasm', '--memory', '0'], '--memory wants whole MiB from 1 to 4096, got 0'],
    [['serve', 'x.wasm', '--bogus'], "Unknown option '--bogus'"],
  ])('%j: exit 2', async (args, text) => {
    expectOneLineError(await runCli(args), 2, 'USAGE', text);
  });

  test('--help prints the usage and the exit codes on stdout', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wasi-mcp serve <component.wasm> --http <port>');
    expect(result.stdout).toContain('wasi-mcp test <collection.json> <component.wasm> [--junit <file>]');
    expect(result.stdout).toContain('wasi-mcp diff <old.wasm> <new.wasm> [--collection <file>]');
    expect(result.stdout).toContain('Exit codes: 0 ok, 1 runtime failure (test: an expectation failed; diff: they differ), 2 usage\nerror or bad collection file, 3 bad or missing component file.');
    expect(result.stderr).toBe('');
  });

  test('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
    const result = await runCli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('a port in use: exit 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await runCli(['serve', examplePath('echo'), '--http', String(port)]);
      expectOneLineError(result, 1, 'LISTEN_FAILED', `cannot listen on 127.0.0.1:${port}: EADDRINUSE`);
    } finally {
      blocker.close();
    }
  });
});
