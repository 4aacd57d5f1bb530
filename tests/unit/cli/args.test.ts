import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SESSION_IDLE_MS, DEFAULT_TIMEOUT_MS, parseCommand } from '../../../src/cli/args.js';
import { CliError } from '../../../src/cli/exit-codes.js';

describe('parseCommand', () => {
  test('serve over stdio with defaults: nothing granted, default deadline, the cache on', () => {
    expect(parseCommand(['serve', 'c.wasm'])).toEqual({
      kind: 'serve',
      file: 'c.wasm',
      timeoutMs: DEFAULT_TIMEOUT_MS,
      env: {},
      dirs: [],
      httpOrigins: [],
      cache: true,
    });
  });

  test('sandbox flags: directories, HTTP origins, memory, --no-cache', () => {
    const command = parseCommand([
      'serve',
      'c.wasm',
      '--dir',
      'data:/data/',
      '--dir',
      '/srv/files',
      '--dir',
      'ref:/ref:ro',
      '--dir',
      '/srv/docs:ro',
      '--allow-http',
      'https://api.example.com/',
      '--allow-http',
      'http://127.0.0.1:8080',
      '--allow-http',
      '*',
      '--memory',
      '64',
      '--no-cache',
    ]);
    expect(command).toMatchObject({
      dirs: [
        { host: resolve('data'), guest: '/data', readOnly: false },
        { host: '/srv/files', guest: '/srv/files', readOnly: false },
        { host: resolve('ref'), guest: '/ref', readOnly: true },
        { host: '/srv/docs', guest: '/srv/docs', readOnly: true },
      ],
      httpOrigins: ['https://api.example.com', 'http://127.0.0.1:8080', '*'],
      memoryBytes: 64 * 2 ** 20,
      cache: false,
    });
    // A colon not followed by an absolute path is part of the host path.
    expect(parseCommand(['inspect', 'c.wasm', '--dir', 'a:b'])).toMatchObject({ dirs: [{ host: resolve('a:b'), guest: resolve('a:b') }] });
    // Only a final :ro means read-only; a trailing slash keeps it part of the host path.
    expect(parseCommand(['inspect', 'c.wasm', '--dir', 'a:ro/'])).toMatchObject({
      dirs: [{ host: resolve('a:ro'), guest: resolve('a:ro'), readOnly: false }],
    });
  });

  test('serve over HTTP with a deadline and repeated --env (values may hold "=")', () => {
    expect(parseCommand(['serve', 'c.wasm', '--http', '0', '--timeout', '250', '--env', 'A=1', '--env', 'B=x=y'])).toMatchObject({
      kind: 'serve',
      file: 'c.wasm',
      http: { port: 0, sessionIdleMs: DEFAULT_SESSION_IDLE_MS },
      timeoutMs: 250,
      env: { A: '1', B: 'x=y' },
    });
    expect(parseCommand(['serve', 'c.wasm', '--http', '80', '--session-idle', '5000'])).toMatchObject({ http: { port: 80, sessionIdleMs: 5000 } });
  });

  test('--allow-origin: repeatable origins, with --http only', () => {
    expect(parseCommand(['serve', 'c.wasm', '--http', '0', '--allow-origin', 'http://127.0.0.1:5173/', '--allow-origin', 'https://play.example'])).toMatchObject({
      http: { allowOrigins: ['http://127.0.0.1:5173', 'https://play.example'] },
    });
    expect(parseCommand(['serve', 'c.wasm', '--http', '0'])).toMatchObject({ http: { allowOrigins: [] } });
    expect(() => parseCommand(['serve', 'c.wasm', '--allow-origin', 'https://play.example'])).toThrow(/goes with --http/);
    expect(() => parseCommand(['serve', 'c.wasm', '--http', '0', '--allow-origin', '*'])).toThrow(/wants an origin/);
    expect(() => parseCommand(['serve', 'c.wasm', '--http', '0', '--allow-origin', 'https://play.example/app'])).toThrow(/wants an origin/);
  });

  test('--state-key-file, with --http only', () => {
    expect(parseCommand(['serve', 'c.wasm', '--http', '0', '--state-key-file', 'key.txt'])).toMatchObject({ http: { stateKeyFile: 'key.txt' } });
    expect(parseCommand(['serve', 'c.wasm', '--http', '0'])).not.toHaveProperty('http.stateKeyFile');
    expect(() => parseCommand(['serve', 'c.wasm', '--state-key-file', 'key.txt'])).toThrow(/goes with --http/);
  });

  test('inspect, help and version', () => {
    expect(parseCommand(['inspect', 'c.wasm'])).toMatchObject({ kind: 'inspect', file: 'c.wasm' });
    expect(parseCommand(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommand(['serve', '-v'])).toEqual({ kind: 'version' });
  });

  test('test: the collection, then the component, with grants and --junit', () => {
    expect(parseCommand(['test', 'c.json', 'c.wasm', '--junit', 'out.xml', '--env', 'A=1', '--timeout', '500'])).toEqual({
      kind: 'test',
      collection: 'c.json',
      junit: 'out.xml',
      file: 'c.wasm',
      timeoutMs: 500,
      env: { A: '1' },
      dirs: [],
      httpOrigins: [],
      cache: true,
    });
  });

  test('diff: the old component as file, the new one, and --collection', () => {
    expect(parseCommand(['diff', 'old.wasm', 'new.wasm', '--collection', 'c.json', '--no-cache'])).toMatchObject({
      kind: 'diff',
      file: 'old.wasm',
      newFile: 'new.wasm',
      collection: 'c.json',
      cache: false,
    });
    expect(parseCommand(['diff', 'old.wasm', 'new.wasm'])).not.toHaveProperty('collection');
  });

  test.each([
    [['serve', 'c.wasm', '--timeout', '0']],
    [['serve', 'c.wasm', '--timeout', '1.5']],
    [['serve', 'c.wasm', '--http', '-1']],
    [['serve', 'c.wasm', '--env', '=x']],
    [['serve', 'c.wasm', '--env', '1A=x']],
    [['serve', 'c.wasm', '--dir', ':/x']],
    [['serve', 'c.wasm', '--dir', ':ro']],
    [['serve', 'c.wasm', '--dir', 'a:/x', '--dir', 'b:/x/']],
    [['serve', 'c.wasm', '--allow-http', 'example.com']],
    [['serve', 'c.wasm', '--allow-http', 'https://example.com/path']],
    [['serve', 'c.wasm', '--allow-http', 'ftp://example.com']],
    [['serve', 'c.wasm', '--memory', '0']],
    [['serve', 'c.wasm', '--memory', '4097']],
    [['serve', 'c.wasm', '--memory', '1.5']],
    [['serve', 'c.wasm', '--session-idle', '100']],
    [['test', 'c.json']],
    [['test', 'c.json', 'c.wasm', 'extra.wasm']],
    [['test', 'c.json', 'c.wasm', '--http', '0']],
    [['test', 'c.json', 'c.wasm', '--collection', 'd.json']],
    [['diff', 'old.wasm']],
    [['diff', 'old.wasm', 'new.wasm', '--junit', 'out.xml']],
    [['serve', 'c.wasm', '--junit', 'out.xml']],
  ])('%j is a usage error (exit 2)', (argv) => {
    let error: unknown;
    try {
      parseCommand(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ exitCode: 2, code: 'USAGE' });
  });
});
