/** The Sandbox view's form read back into grants and limits, and those in the worker protocol's shape. */
import { describe, expect, it } from 'vitest';
import { readDraft, toDraft, type SandboxDraft } from '../../../src/session/sandbox-draft.js';
import { defaultSandbox, toWorkerSandbox, withFiles } from '../../../src/session/sandbox.js';
import { StatusStore } from '../../../src/session/status.js';
import { GrantsSchema, LimitsSchema } from '../../../src/worker/protocol.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const draft = (patch: Partial<SandboxDraft>): SandboxDraft => ({ ...toDraft(defaultSandbox(5000)), ...patch });

describe('a default sandbox', () => {
  it('grants nothing and keeps the host default memory limit', () => {
    expect(toWorkerSandbox(defaultSandbox(5000))).toEqual({ grants: {}, limits: { memoryBytes: 512 * 2 ** 20 } });
  });

  it('reads back from its own draft unchanged', () => {
    expect(readDraft(toDraft(defaultSandbox(5000)))).toEqual({ config: defaultSandbox(5000) });
  });
});

describe('readDraft', () => {
  it('reads environment lines, skipping blanks and comments, keeping = inside values', () => {
    const reading = readDraft(draft({ envText: 'GREETING=hello\n\n# a comment\n  TOKEN=a=b  \nEMPTY=' }));
    expect(reading.config?.env).toEqual({ GREETING: 'hello', TOKEN: 'a=b', EMPTY: '' });
  });

  it('names each line it cannot read', () => {
    const reading = readDraft(
      draft({ envText: 'OK=1\nnot a pair\n1BAD=x', originsText: 'https://example.com/path\nftp://x.org\nnonsense', memoryLimitMiB: '8', deadlineMs: '1.5' }),
    );
    expect(reading.errors).toEqual([
      'Environment line 2: "not a pair" is not NAME=value',
      'Environment line 3: "1BAD=x" is not NAME=value',
      'HTTP origin line 1: "https://example.com/path" is not an origin like https://example.com or http://127.0.0.1:8080',
      'HTTP origin line 2: "ftp://x.org" is not an origin like https://example.com or http://127.0.0.1:8080',
      'HTTP origin line 3: "nonsense" is not an origin like https://example.com or http://127.0.0.1:8080',
      'Deadline per call: give a whole number from 500 to 600000',
      'Memory limit: give a whole number from 16 to 4096',
    ]);
  });

  it('accepts origins with a port, a trailing slash or *, once each', () => {
    const reading = readDraft(draft({ originsText: 'http://127.0.0.1:8080/\nhttps://example.com\n*\nhttps://example.com' }));
    expect(reading.config?.httpOrigins).toEqual(['http://127.0.0.1:8080', 'https://example.com', '*']);
  });

  it('refuses a directory larger than a tab can afford to copy into every instance', () => {
    const big = { name: 'big.bin', bytes: new Uint8Array(40 * 2 ** 20) };
    expect(readDraft(draft({ files: [big] })).config?.files).toEqual([big]);
    expect(readDraft(draft({ files: [big, { ...big, name: 'big2.bin' }] })).errors).toEqual(['Directory: the files come to 80.0 MiB; at most 64 MiB']);
  });

  it('wants an absolute guest path without . or ..', () => {
    expect(readDraft(draft({ dirPath: '/data/' })).config?.dirPath).toBe('/data');
    expect(readDraft(draft({ dirPath: '/' })).config?.dirPath).toBe('/');
    expect(readDraft(draft({ dirPath: 'data' })).errors).toEqual(['Directory: "data" is not an absolute guest path like /data']);
    expect(readDraft(draft({ dirPath: '/data/../etc' })).errors).toHaveLength(1);
  });
});

describe('toWorkerSandbox', () => {
  it('grants the directory only once it holds files, as a FileTree the worker protocol accepts', () => {
    const config = {
      ...defaultSandbox(5000),
      env: { A: '1' },
      dirPath: '/in',
      files: withFiles([{ name: 'a.txt', bytes: bytes('old') }], [{ name: 'a.txt', bytes: bytes('new') }, { name: 'b.bin', bytes: bytes('b') }]),
      httpOrigins: ['http://127.0.0.1:1'],
      memoryLimitMiB: 64,
    };
    const { grants, limits } = toWorkerSandbox(config);
    expect(grants).toEqual({
      env: { A: '1' },
      dirs: { '/in': { dir: { 'a.txt': { source: bytes('new') }, 'b.bin': { source: bytes('b') } } } },
      httpOrigins: ['http://127.0.0.1:1'],
    });
    expect(limits).toEqual({ memoryBytes: 64 * 2 ** 20 });
    expect(GrantsSchema.safeParse(grants).success).toBe(true);
    expect(LimitsSchema.safeParse(limits).success).toBe(true);
  });
});

describe('StatusStore after a restart by hand', () => {
  it('is ready again with the error of the stop cleared and the notice set', () => {
    const status = new StatusStore(0);
    const info = { implementation: undefined, instructions: undefined, protocolVersion: undefined, capabilities: {}, world: { imports: [], exports: [] }, refused: [] };
    status.ready(info);
    status.failed({ code: 'CRASH_LOOP', message: 'gave up' });
    expect(status.value.phase).toBe('failed');
    status.restarting({ code: 'RESTART', message: 'restarted by hand' });
    status.ready(info, 'Restarted: restarted by hand.');
    expect(status.value).toMatchObject({ phase: 'ready', notice: 'Restarted: restarted by hand.' });
    status.dismissNotice();
    expect(status.value.notice).toBeUndefined();
    expect(status.value.error).toBeUndefined();
  });
});
