import { afterEach, describe, expect, it } from 'vitest';
import { wasiImports } from '../../../src/host/wasi.js';
import { nodePlatform } from '../../../src/platform/node/platform.js';

describe('wasiImports', () => {
  const unhandled: unknown[] = [];
  const listener = (reason: unknown) => unhandled.push(reason);
  afterEach(() => {
    process.off('unhandledRejection', listener);
  });

  it('keeps a dropped, never-awaited pollable from rejecting unhandled (it would end a Node host)', async () => {
    process.on('unhandledRejection', listener);
    const { wasi } = await nodePlatform();
    wasiImports(wasi, {}, () => {});
    type Pollable = { block(): Promise<void>; [Symbol.dispose](): void };
    const { pollableCreate } = wasi.io as unknown as { pollableCreate(source: Promise<void>): Pollable };
    // A pollable whose source never settles: block() waits until the pollable is dropped.
    const pollable = pollableCreate(new Promise<void>(() => {}));
    const waiting = pollable.block();
    pollable[Symbol.dispose]();
    await new Promise((r) => setTimeout(r, 20));
    expect(unhandled).toEqual([]);
    // Whoever does wait still learns of it.
    await expect(waiting).rejects.toThrow(/disposed/);
  });

  // Regression: the shim handed out one stderr object, so a guest dropping its handle closed stderr
  // for good and the `everything` fail tool failed on its second call with {tag: 'closed'}.
  it('gives each get-stderr a handle of its own: dropping one leaves stderr open', async () => {
    const { wasi } = await nodePlatform();
    const output: string[] = [];
    const imports = wasiImports(wasi, {}, (stream, text) => output.push(`${stream}:${text}`));
    type Stream = { blockingWriteAndFlush(bytes: Uint8Array): void; [Symbol.dispose](): void };
    const { getStderr } = imports['wasi:cli/stderr'] as { getStderr(): Stream };
    const first = getStderr();
    first.blockingWriteAndFlush(new TextEncoder().encode('one\n'));
    first[Symbol.dispose]();
    getStderr().blockingWriteAndFlush(new TextEncoder().encode('two\n'));
    expect(output).toEqual(['stderr:one\n', 'stderr:two\n']);
  });

  it('grants nothing by default: no environment, no directories', async () => {
    const { wasi } = await nodePlatform();
    const imports = wasiImports(wasi, {}, () => {});
    const env = imports['wasi:cli/environment'] as { getEnvironment(): unknown[] };
    const preopens = imports['wasi:filesystem/preopens'] as { getDirectories(): unknown[] };
    expect(env.getEnvironment()).toEqual([]);
    expect(preopens.getDirectories()).toEqual([]);
  });
});
