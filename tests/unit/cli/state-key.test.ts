import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXIT } from '../../../src/cli/exit-codes.js';
import { readStateKey } from '../../../src/cli/state-key.js';

const dir = mkdtempSync(join(tmpdir(), 'wasi-mcp-state-key-'));
const KEY = 'q3UJr1Yc2mZ8x0WnA7bKfE4sLhT9pVgD+oNiR6yC5u0=';

function keyFile(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readStateKey', () => {
  test('none given: no key (each process makes its own)', async () => {
    expect(await readStateKey(undefined, undefined)).toBeUndefined();
    expect(await readStateKey(undefined, '')).toBeUndefined();
  });

  test('a file and the variable holding the same text give one key: trailing line ends are dropped', async () => {
    const fromFile = await readStateKey(keyFile('unix', `${KEY}\n`), undefined);
    expect(await readStateKey(keyFile('windows', `${KEY}\r\n`), undefined)).toEqual(fromFile);
    expect(await readStateKey(undefined, KEY)).toEqual(fromFile);
    expect(new TextDecoder().decode(fromFile)).toBe(KEY);
  });

  test('the file wins over the variable', async () => {
    const other = 'another key that is long enough to be used, surely';
    expect(new TextDecoder().decode(await readStateKey(keyFile('file-wins', KEY), other))).toBe(KEY);
  });

  test('a key under 32 bytes is a usage error that says where it came from and never shows it', async () => {
    const short = 'tiny-secret-31-bytes-long-xxxxx';
    const fromFile = readStateKey(keyFile('short', `${short}\n`), undefined);
    await expect(fromFile).rejects.toMatchObject({ exitCode: EXIT.USAGE, message: expect.stringMatching(/--state-key-file .*short is 31 bytes; it needs at least 32/) });
    await expect(fromFile).rejects.not.toMatchObject({ message: expect.stringContaining(short) });
    const fromEnv = readStateKey(undefined, short);
    await expect(fromEnv).rejects.toMatchObject({ exitCode: EXIT.USAGE, message: expect.stringMatching(/\$WASI_MCP_STATE_KEY is 31 bytes/) });
    await expect(fromEnv).rejects.not.toMatchObject({ message: expect.stringContaining(short) });
  });

  test('an unreadable file is a usage error', async () => {
    await expect(readStateKey(join(dir, 'missing'), undefined)).rejects.toMatchObject({ exitCode: EXIT.USAGE, message: expect.stringMatching(/cannot read --state-key-file .*ENOENT/) });
  });
});
