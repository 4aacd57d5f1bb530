/**
 * Real host directories for a component (`wasi-mcp serve --dir`), as the
 * shim's filesystem wants them: an adapter whose descriptors implement
 * wasi:filesystem/types over synchronous node:fs calls. Synchronous is right
 * here: the component runs alone in its worker thread and its WASI calls are
 * synchronous too.
 *
 * A descriptor holds a path (names from the mount root), not an open file:
 * the shim never tells a descriptor it was dropped, so a held fd would leak.
 * Each call opens, acts and closes, resolving its path again inside the
 * mount (confined-path.ts). Every error reaches the guest as a WASI code.
 */
import {
  constants,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmdirSync,
  symlinkSync,
  unlinkSync,
  type BigIntStats,
} from 'node:fs';
import { join } from 'node:path';
import type * as T from '@bytecodealliance/preview2-shim/interfaces/wasi-filesystem-types';
import type { FilesystemAdapter, InputHandler, Mount, OutputHandler } from '../../host/index.js';
import { entryWithin, isInside, resolveWithin, type Resolved } from './confined-path.js';
import { wasiCall, wasiErrorCode } from './fs-errors.js';
import { createFile, entries, readAt, safeOffset, truncateAt, withFd, writeAt } from './host-file-io.js';
import { metadataHashOf, setTimesOf, statOf } from './host-stat.js';

/** What the worker is told about one `--dir`. */
export interface HostDir {
  host: string;
  guest: string;
  readOnly: boolean;
}

/** The shim's stream constructors: descriptors must hand out the shim's own stream classes. */
export interface ShimStreams {
  inputStreamCreate(handler: InputHandler): unknown;
  outputStreamCreate(handler: OutputHandler): unknown;
  ioErrorCreate(message: string): unknown;
}

interface MountState {
  /** The real path of the mounted directory. */
  root: string;
  readOnly: boolean;
  streams: ShimStreams;
}

/** A failed stream operation, as wasi:io wants it. */
function streamCall<T>(streams: ShimStreams, call: () => T): T {
  try {
    return call();
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'tag' in e) throw e;
    throw { tag: 'last-operation-failed', val: streams.ioErrorCreate(wasiErrorCode(e)) };
  }
}

/** A link target that names something below the link's own directory: relative, with no `..`. */
function downward(target: string): boolean {
  return target !== '' && !target.startsWith('/') && !target.split('/').includes('..');
}

class HostDescriptor {
  constructor(
    readonly mount: MountState,
    readonly segments: string[],
    readonly kind: 'directory' | 'regular-file',
    readonly flags: T.DescriptorFlags,
  ) {}

  /** This descriptor's host path, checked again to be inside the mount. */
  #path(): string {
    const path = join(this.mount.root, ...this.segments);
    if (!isInside(this.mount.root, realpathSync.native(path))) throw 'not-permitted';
    return path;
  }

  #file(need: 'read' | 'write'): string {
    if (need === 'write') this.#mutable();
    if (!this.flags[need]) throw 'bad-descriptor';
    if (this.kind !== 'regular-file') throw 'is-directory';
    return this.#path();
  }

  #mutable(): void {
    if (this.mount.readOnly) throw 'read-only';
  }

  #at(flags: T.PathFlags, path: string, allowMissing = false): Resolved {
    return resolveWithin(this.mount.root, this.segments, path, { followFinal: !!flags.symlinkFollow, allowMissing });
  }

  #entry(path: string) {
    this.#mutable();
    if (!this.flags.mutateDirectory) throw 'not-permitted';
    return entryWithin(this.mount.root, this.segments, path);
  }

  /** Another descriptor of this mount: a link or rename never crosses mounts. */
  #sameMount(other: unknown): HostDescriptor {
    if (!(other instanceof HostDescriptor) || other.mount !== this.mount) throw 'cross-device';
    return other;
  }

  readViaStream(offset: bigint) {
    return wasiCall(() => {
      this.#file('read');
      let at = safeOffset(offset);
      const { streams } = this.mount;
      return streams.inputStreamCreate({
        blockingRead: (length) =>
          streamCall(streams, () => {
            const [bytes] = readAt(this.#path(), at, safeOffset(length));
            if (bytes.length === 0 && length > 0n) throw { tag: 'closed' };
            at += bytes.length;
            return bytes;
          }),
      });
    });
  }

  writeViaStream(offset: bigint) {
    return wasiCall(() => {
      this.#file('write');
      let at = safeOffset(offset);
      const { streams } = this.mount;
      return streams.outputStreamCreate({
        write: (bytes) =>
          streamCall(streams, () => {
            writeAt(this.#file('write'), bytes, at);
            at += bytes.length;
          }),
      });
    });
  }

  appendViaStream() {
    return wasiCall(() => {
      this.#file('write');
      const { streams } = this.mount;
      return streams.outputStreamCreate({
        write: (bytes) => streamCall(streams, () => writeAt(this.#file('write'), bytes, null, true)),
      });
    });
  }

  advise(): void {
    // A hint only; the OS does its own readahead.
  }

  syncData(): void {
    this.sync();
  }

  sync(): void {
    wasiCall(() => {
      if (this.kind === 'regular-file') withFd(this.#path(), constants.O_RDONLY, fsyncSync);
    });
  }

  getFlags(): T.DescriptorFlags {
    return { ...this.flags };
  }

  getType(): T.DescriptorType {
    return this.kind;
  }

  setSize(size: bigint): void {
    wasiCall(() => truncateAt(this.#file('write'), safeOffset(size)));
  }

  setTimes(atime: T.NewTimestamp, mtime: T.NewTimestamp): void {
    wasiCall(() => {
      this.#mutable();
      setTimesOf(this.#path(), false, atime, mtime);
    });
  }

  setTimesAt(flags: T.PathFlags, path: string, atime: T.NewTimestamp, mtime: T.NewTimestamp): void {
    wasiCall(() => {
      this.#mutable();
      const { hostPath, stats } = this.#at(flags, path);
      setTimesOf(hostPath, !!stats?.isSymbolicLink(), atime, mtime);
    });
  }

  read(length: bigint, offset: bigint): [Uint8Array, boolean] {
    return wasiCall(() => readAt(this.#file('read'), safeOffset(offset), safeOffset(length)));
  }

  write(buffer: Uint8Array, offset: bigint): bigint {
    return wasiCall(() => {
      writeAt(this.#file('write'), buffer, safeOffset(offset));
      return BigInt(buffer.length);
    });
  }

  readDirectory() {
    return wasiCall(() => {
      if (this.kind !== 'directory') throw 'not-directory';
      const list = entries(this.#path());
      let next = 0;
      return { readDirectoryEntry: () => list[next++] };
    });
  }

  createDirectoryAt(path: string): void {
    wasiCall(() => mkdirSync(this.#entry(path).hostPath));
  }

  stat(): T.DescriptorStat {
    return wasiCall(() => statOf(lstatSync(this.#path(), { bigint: true })));
  }

  statAt(flags: T.PathFlags, path: string): T.DescriptorStat {
    return wasiCall(() => statOf(this.#at(flags, path).stats as BigIntStats));
  }

  linkAt(oldFlags: T.PathFlags, oldPath: string, newDescriptor: unknown, newPath: string): void {
    wasiCall(() => {
      const target = this.#sameMount(newDescriptor).#entry(newPath);
      const old = this.#at(oldFlags, oldPath);
      // Some systems' link(2) follows a link given as the source (macOS does): never hard-link a link.
      if (old.stats?.isDirectory() || old.stats?.isSymbolicLink()) throw 'not-permitted';
      linkSync(old.hostPath, target.hostPath);
    });
  }

  openAt(flags: T.PathFlags, path: string, open: T.OpenFlags, wanted: T.DescriptorFlags): HostDescriptor {
    return wasiCall(() => openAt(this, flags, path, open, wanted));
  }

  /** For openAt below: the entry `path` names, maybe missing. */
  resolve(flags: T.PathFlags, path: string, allowMissing: boolean): Resolved {
    return this.#at(flags, path, allowMissing);
  }

  readlinkAt(path: string): string {
    return wasiCall(() => {
      const { stats, hostPath } = entryWithin(this.mount.root, this.segments, path);
      if (stats === undefined) throw 'no-entry';
      if (!stats.isSymbolicLink()) throw 'invalid';
      const target = readlinkSync(hostPath);
      // A target that climbs or is absolute tells the host's layout.
      if (!downward(target)) throw 'not-permitted';
      return target;
    });
  }

  removeDirectoryAt(path: string): void {
    wasiCall(() => {
      const { stats, hostPath } = this.#entry(path);
      if (stats === undefined) throw 'no-entry';
      if (!stats.isDirectory()) throw 'not-directory';
      rmdirSync(hostPath);
    });
  }

  renameAt(oldPath: string, newDescriptor: unknown, newPath: string): void {
    wasiCall(() => {
      const target = this.#sameMount(newDescriptor).#entry(newPath);
      const old = this.#entry(oldPath);
      if (old.stats === undefined) throw 'no-entry';
      // A link of the host's that climbs would lead elsewhere from its new place.
      if (old.stats.isSymbolicLink() && !downward(readlinkSync(old.hostPath))) throw 'not-permitted';
      renameSync(old.hostPath, target.hostPath);
    });
  }

  symlinkAt(oldPath: string, newPath: string): void {
    wasiCall(() => {
      const link = this.#entry(newPath);
      // Only links that point down: a `..` that stays inside as written climbs out once the link,
      // or a directory above it, is renamed, or through another link; whoever follows it on the
      // host (a person, an editor, another instance racing this one) would leave the mount.
      if (!downward(oldPath)) throw 'not-permitted';
      symlinkSync(oldPath, link.hostPath);
    });
  }

  unlinkFileAt(path: string): void {
    wasiCall(() => {
      const { stats, hostPath } = this.#entry(path);
      if (stats === undefined) throw 'no-entry';
      if (stats.isDirectory()) throw 'is-directory';
      unlinkSync(hostPath);
    });
  }

  isSameObject(other: unknown): boolean {
    if (!(other instanceof HostDescriptor)) return false;
    try {
      const [a, b] = [lstatSync(this.#path(), { bigint: true }), lstatSync(other.#path(), { bigint: true })];
      return a.dev === b.dev && a.ino === b.ino;
    } catch {
      return false;
    }
  }

  metadataHash(): T.MetadataHashValue {
    return wasiCall(() => metadataHashOf(lstatSync(this.#path(), { bigint: true })));
  }

  metadataHashAt(flags: T.PathFlags, path: string): T.MetadataHashValue {
    return wasiCall(() => metadataHashOf(this.#at(flags, path).stats as BigIntStats));
  }
}

/**
 * open-at: create, exclusive, truncate and directory as POSIX open(2) has
 * them. Only regular files and directories open: a FIFO or device would
 * block the worker, or reach hardware, and no MCP server needs one.
 */
function openAt(dir: HostDescriptor, flags: T.PathFlags, path: string, open: T.OpenFlags, wanted: T.DescriptorFlags) {
  const { mount } = dir;
  if (dir.kind !== 'directory') throw 'not-directory';
  const changes = !!(open.create || open.truncate || wanted.write);
  if (mount.readOnly && changes) throw 'read-only';
  if (open.create && open.directory) throw 'invalid';
  const exclusive = !!(open.create && open.exclusive);
  const entry = dir.resolve(exclusive ? {} : flags, path, !!open.create);
  if (entry.stats !== undefined && exclusive) throw 'exist';
  if (entry.stats === undefined) {
    // Where the path leads, which is past the link if it followed one to a missing file.
    createFile(entry.hostPath);
  }
  const stats = entry.stats ?? lstatSync(entry.hostPath, { bigint: true });
  if (stats.isSymbolicLink()) throw 'loop';
  const kind = stats.isDirectory() ? 'directory' : stats.isFile() ? 'regular-file' : undefined;
  if (kind === undefined) throw 'unsupported';
  if (open.directory && kind !== 'directory') throw 'not-directory';
  if (kind === 'directory' && (open.truncate || wanted.write)) throw 'is-directory';
  if (open.truncate) truncateAt(entry.hostPath, 0);
  // A read-only mount never hands out a descriptor that may change it.
  const granted = { ...wanted, ...(mount.readOnly ? { write: false, mutateDirectory: false } : {}) };
  return new HostDescriptor(mount, entry.segments, kind, granted);
}

/** The shim's adapter for host directories: a capability is one `--dir`. */
export function hostFilesystem(streams: ShimStreams): FilesystemAdapter<HostDir> {
  return {
    getRoot(dir) {
      // The worker's view of the root is fixed now; if the directory is gone, every call fails with no-entry.
      let root = dir.host;
      try {
        root = realpathSync.native(dir.host);
      } catch {
        // Keep the given path: calls on it report the error.
      }
      const flags = { read: true, mutateDirectory: !dir.readOnly };
      return new HostDescriptor({ root, readOnly: dir.readOnly, streams }, [], 'directory', flags);
    },
  };
}

/** The platform's mounts for the given `--dir`s, by guest path. */
export function hostMounts(streams: ShimStreams, dirs: HostDir[]): Record<string, Mount> {
  const adapter = hostFilesystem(streams) as FilesystemAdapter;
  return Object.fromEntries(dirs.map((dir) => [dir.guest, { adapter, capability: dir }]));
}
