/**
 * The Node adapter for `--dir` on a real temporary directory: what the guest
 * may do inside the mount, the WASI codes it gets, and every way out of the
 * mount it must not find (the component is untrusted).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostFilesystem, type HostDir } from '../../../../src/platform/node/host-filesystem.js';
import { nodePlatform } from '../../../../src/platform/node/platform.js';

interface Stream {
  blockingRead(length: bigint): Uint8Array;
  checkWrite(): bigint;
  write(bytes: Uint8Array): void;
}
interface Descriptor {
  openAt(pathFlags: object, path: string, openFlags: object, flags: object): Descriptor;
  read(length: bigint, offset: bigint): [Uint8Array, boolean];
  write(bytes: Uint8Array, offset: bigint): bigint;
  readViaStream(offset: bigint): Stream;
  writeViaStream(offset: bigint): Stream;
  readDirectory(): { readDirectoryEntry(): { name: string; type: string } | undefined };
  statAt(pathFlags: object, path: string): { type: string; size: bigint };
  getType(): string;
  createDirectoryAt(path: string): void;
  removeDirectoryAt(path: string): void;
  unlinkFileAt(path: string): void;
  renameAt(oldPath: string, to: Descriptor, newPath: string): void;
  symlinkAt(target: string, path: string): void;
  readlinkAt(path: string): string;
  setSize(size: bigint): void;
}

const FOLLOW = { symlinkFollow: true };
const READ = { read: true };
const WRITE = { write: true };
const encode = (t: string) => new TextEncoder().encode(t);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

/** The WASI code a call fails with (descriptors throw the code itself). */
function codeOf(call: () => unknown): unknown {
  try {
    call();
  } catch (e) {
    return e;
  }
  return 'no error';
}

const scratch = mkdtempSync(join(tmpdir(), 'wasi-mcp-hostfs-'));
const mountPath = join(scratch, 'mount');
const outside = join(scratch, 'outside');
let mount: (dir: Omit<HostDir, 'guest'>) => Descriptor;

beforeAll(async () => {
  mkdirSync(join(mountPath, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(mountPath, 'a.txt'), 'inside');
  writeFileSync(join(mountPath, 'sub', 'b.txt'), 'deeper');
  writeFileSync(join(outside, 'secret'), 'outside');
  symlinkSync('../outside', join(mountPath, 'out')); // relative, climbs out
  symlinkSync(outside, join(mountPath, 'abs')); // absolute
  symlinkSync('sub', join(mountPath, 'inner')); // stays inside
  symlinkSync('..', join(mountPath, 'sub', 'up')); // back to the root, still inside
  const { wasi } = await nodePlatform();
  const adapter = hostFilesystem(wasi.io);
  mount = (dir) => adapter.getRoot({ guest: '/data', ...dir }) as Descriptor;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function readText(dir: Descriptor, path: string): string {
  return decode(dir.openAt(FOLLOW, path, {}, READ).read(1000n, 0n)[0]);
}

describe('inside the mount', () => {
  test('lists, stats and reads; links that stay inside are followed', () => {
    const root = mount({ host: mountPath, readOnly: false });
    const stream = root.readDirectory();
    const names: string[] = [];
    for (let e = stream.readDirectoryEntry(); e; e = stream.readDirectoryEntry()) names.push(`${e.name}:${e.type}`);
    expect(names).toEqual(['a.txt:regular-file', 'abs:symbolic-link', 'inner:symbolic-link', 'out:symbolic-link', 'sub:directory']);
    expect(readText(root, 'a.txt')).toBe('inside');
    expect(readText(root, 'inner/b.txt')).toBe('deeper');
    expect(readText(root, 'sub/up/a.txt')).toBe('inside');
    expect(root.statAt(FOLLOW, 'sub/b.txt')).toMatchObject({ type: 'regular-file', size: 6n });
    expect(root.statAt({}, 'inner').type).toBe('symbolic-link');
  });

  test('writes reach the disk: create, truncate, write at offsets, streams, set-size', () => {
    const root = mount({ host: mountPath, readOnly: false });
    const file = root.openAt(FOLLOW, 'new.txt', { create: true, truncate: true }, { read: true, write: true });
    expect(file.write(encode('hello world'), 0n)).toBe(11n);
    expect(file.write(encode('WORLD'), 6n)).toBe(5n);
    expect(readFileSync(join(mountPath, 'new.txt'), 'utf8')).toBe('hello WORLD');
    const out = file.writeViaStream(11n);
    out.checkWrite();
    out.write(encode('!'));
    expect(decode(file.readViaStream(6n).blockingRead(100n))).toBe('WORLD!');
    file.setSize(5n);
    expect(readFileSync(join(mountPath, 'new.txt'), 'utf8')).toBe('hello');
    root.openAt(FOLLOW, 'new.txt', { truncate: true }, WRITE);
    expect(readFileSync(join(mountPath, 'new.txt'), 'utf8')).toBe('');
  });

  test('directories, rename and unlink, with the codes POSIX would give', () => {
    const root = mount({ host: mountPath, readOnly: false });
    root.createDirectoryAt('made');
    expect(codeOf(() => root.createDirectoryAt('made'))).toBe('exist');
    root.openAt({}, 'made/f', { create: true }, WRITE);
    expect(codeOf(() => root.openAt({}, 'made/f', { create: true, exclusive: true }, WRITE))).toBe('exist');
    expect(codeOf(() => root.removeDirectoryAt('made'))).toBe('not-empty');
    expect(codeOf(() => root.unlinkFileAt('made'))).toBe('is-directory');
    expect(codeOf(() => root.removeDirectoryAt('made/f'))).toBe('not-directory');
    expect(codeOf(() => root.openAt(FOLLOW, 'made/f', { directory: true }, READ))).toBe('not-directory');
    expect(codeOf(() => root.openAt(FOLLOW, 'nope.txt', {}, READ))).toBe('no-entry');
    // Renaming into a directory needs a descriptor that may change it, as WASI says.
    expect(codeOf(() => root.renameAt('made/f', root.openAt(FOLLOW, 'sub', { directory: true }, READ), 'g'))).toBe('not-permitted');
    root.renameAt('made/f', root.openAt(FOLLOW, 'sub', { directory: true }, { read: true, mutateDirectory: true }), 'g');
    expect(readdirSync(join(mountPath, 'sub')).sort()).toEqual(['b.txt', 'g', 'up']);
    root.unlinkFileAt('sub/g');
    root.removeDirectoryAt('made');
    expect(existsSync(join(mountPath, 'made'))).toBe(false);
  });
});

describe('no way out of the mount', () => {
  test('.. above the root, absolute paths and links that lead out are not permitted', () => {
    const root = mount({ host: mountPath, readOnly: false });
    for (const path of ['../outside/secret', 'sub/../../outside/secret', '/etc/passwd', 'out/secret', 'abs/secret']) {
      expect([path, codeOf(() => root.openAt(FOLLOW, path, {}, READ))]).toEqual([path, 'not-permitted']);
    }
    expect(codeOf(() => root.openAt(FOLLOW, '../outside/new', { create: true }, WRITE))).toBe('not-permitted');
    expect(codeOf(() => root.createDirectoryAt('../outside/made'))).toBe('not-permitted');
    expect(codeOf(() => root.renameAt('a.txt', root, '../outside/taken'))).toBe('not-permitted');
    expect(codeOf(() => root.statAt(FOLLOW, 'out'))).toBe('not-permitted');
    expect(readdirSync(outside)).toEqual(['secret']);
  });

  test('the guest cannot make a link that leads out, nor read where an absolute one points', () => {
    const root = mount({ host: mountPath, readOnly: false });
    expect(codeOf(() => root.symlinkAt('../outside', 'escape'))).toBe('not-permitted');
    expect(codeOf(() => root.symlinkAt('sub/../..', 'escape'))).toBe('not-permitted');
    expect(codeOf(() => root.symlinkAt('/etc', 'escape'))).toBe('not-permitted');
    expect(codeOf(() => root.readlinkAt('abs'))).toBe('not-permitted');
    // Found in review: a `..` that stays inside as written climbs out once the link moves, or
    // through another link (u -> .., then esc -> u/../outside); only links that point down are made.
    expect(codeOf(() => root.symlinkAt('../a.txt', 'sub/link'))).toBe('not-permitted');
    expect(codeOf(() => root.symlinkAt('..', 'sub/u'))).toBe('not-permitted');
    root.symlinkAt('b.txt', 'sub/link');
    expect(root.readlinkAt('sub/link')).toBe('b.txt');
    expect(readText(root, 'sub/link')).toBe('deeper');
    root.unlinkFileAt('sub/link');
  });

  test("the host's own links that climb are neither moved nor read back", () => {
    const root = mount({ host: mountPath, readOnly: false });
    // sub/up -> .. leads to the root where it is; moved to the root it would lead out.
    expect(codeOf(() => root.renameAt('sub/up', root, 'up'))).toBe('not-permitted');
    expect(codeOf(() => root.readlinkAt('sub/up'))).toBe('not-permitted');
    expect(codeOf(() => root.readlinkAt('out'))).toBe('not-permitted');
    expect(readdirSync(join(mountPath, 'sub')).sort()).toEqual(['b.txt', 'up']);
  });

  test('a directory swapped for a link after it was opened leads nowhere (the realpath check)', () => {
    const root = mount({ host: mountPath, readOnly: false });
    mkdirSync(join(mountPath, 'swap'));
    const swap = root.openAt(FOLLOW, 'swap', { directory: true }, READ);
    renameSync(join(mountPath, 'swap'), join(mountPath, 'swapped'));
    symlinkSync(outside, join(mountPath, 'swap'));
    expect(codeOf(() => swap.openAt(FOLLOW, 'secret', {}, READ))).toBe('not-permitted');
    expect(codeOf(() => swap.readDirectory())).toBe('not-permitted');
    // Nor does a walk from it tell what exists out there (found in review: no-entry vs not-permitted).
    expect(codeOf(() => swap.statAt({}, 'no-such-file'))).toBe('not-permitted');
    expect(codeOf(() => swap.statAt({}, 'secret'))).toBe('not-permitted');
  });

  test('rename and link never cross into another mount', () => {
    const root = mount({ host: mountPath, readOnly: false });
    const other = mount({ host: outside, readOnly: false });
    expect(codeOf(() => root.renameAt('a.txt', other, 'a.txt'))).toBe('cross-device');
  });
});

describe('a read-only mount', () => {
  test('reads work; every write is refused with read-only and the disk is unchanged', () => {
    const root = mount({ host: mountPath, readOnly: true });
    const before = readdirSync(mountPath).sort();
    expect(readText(root, 'a.txt')).toBe('inside');
    expect(codeOf(() => root.openAt(FOLLOW, 'a.txt', {}, WRITE))).toBe('read-only');
    expect(codeOf(() => root.openAt(FOLLOW, 'a.txt', { truncate: true }, READ))).toBe('read-only');
    expect(codeOf(() => root.openAt(FOLLOW, 'c.txt', { create: true }, READ))).toBe('read-only');
    expect(codeOf(() => root.createDirectoryAt('d'))).toBe('read-only');
    expect(codeOf(() => root.unlinkFileAt('a.txt'))).toBe('read-only');
    expect(codeOf(() => root.renameAt('a.txt', root, 'b.txt'))).toBe('read-only');
    expect(codeOf(() => root.symlinkAt('a.txt', 'l'))).toBe('read-only');
    const file = root.openAt(FOLLOW, 'a.txt', {}, READ);
    expect(codeOf(() => file.write(encode('x'), 0n))).toBe('read-only');
    expect(codeOf(() => file.setSize(0n))).toBe('read-only');
    expect(readFileSync(join(mountPath, 'a.txt'), 'utf8')).toBe('inside');
    expect(readdirSync(mountPath).sort()).toEqual(before);
  });
});
