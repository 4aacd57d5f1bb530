/**
 * The file I/O under host-filesystem.ts's descriptors: each call opens the
 * file without following a final link (the path was resolved and checked
 * just before; a link put there since is refused with `loop`), acts and
 * closes.
 */
import { closeSync, constants, existsSync, fstatSync, ftruncateSync, openSync, readdirSync, readSync, realpathSync, writeSync } from 'node:fs';
import type * as T from '@bytecodealliance/preview2-shim/interfaces/wasi-filesystem-types';
import { typeOf } from './host-stat.js';

/** One read never hands the guest more than this (WASI allows short reads), whatever length it asks for. */
const MAX_READ = 16 * 2 ** 20;
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
/** No effect on a regular file; a FIFO swapped in since the path was checked must not block the worker on open. */
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Offsets and lengths come as u64: past what a JS number holds exactly, they are invalid. */
export function safeOffset(n: bigint): number {
  if (n < 0n || n > BigInt(Number.MAX_SAFE_INTEGER)) throw 'invalid';
  return Number(n);
}

/** Where Linux tells what an open fd really is; elsewhere the check below is skipped. */
const FD_LINKS = existsSync('/proc/self/fd') ? '/proc/self/fd' : undefined;

/**
 * Opens `path` (resolved and checked, its directories free of links) and
 * checks that the file opened is the one checked: another instance on the
 * same mount may have swapped a directory on the way for a link between the
 * check and the open. An fd stays with its file, so what `use` does is safe.
 */
export function withFd<T>(path: string, flags: number, use: (fd: number) => T): T {
  const fd = openSync(path, flags | NOFOLLOW | NONBLOCK);
  try {
    if (FD_LINKS && realpathSync.native(`${FD_LINKS}/${fd}`) !== path) throw 'not-permitted';
    return use(fd);
  } finally {
    closeSync(fd);
  }
}

export function readAt(path: string, offset: number, length: number): [Uint8Array, boolean] {
  return withFd(path, constants.O_RDONLY, (fd) => {
    const size = Number(fstatSync(fd).size);
    const bytes = new Uint8Array(Math.max(0, Math.min(length, size - offset, MAX_READ)));
    const got = bytes.length === 0 ? 0 : readSync(fd, bytes, 0, bytes.length, offset);
    return [bytes.subarray(0, got), offset + got >= size];
  });
}

export function writeAt(path: string, bytes: Uint8Array, offset: number | null, append = false): void {
  withFd(path, constants.O_WRONLY | (append ? constants.O_APPEND : 0), (fd) => {
    for (let done = 0; done < bytes.length; ) {
      done += writeSync(fd, bytes, done, bytes.length - done, offset === null ? null : offset + done);
    }
  });
}

/** Through an fd opened without following a link: truncate(2) on the path would follow one put there meanwhile. */
export function truncateAt(path: string, size: number): void {
  withFd(path, constants.O_WRONLY, (fd) => ftruncateSync(fd, size));
}

export function entries(path: string): T.DirectoryEntry[] {
  return readdirSync(path, { withFileTypes: true })
    .map((d) => ({ name: d.name, type: typeOf(d) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A new, empty file; never through a link, even one put there since the path was resolved. */
export function createFile(path: string): void {
  closeSync(openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | NOFOLLOW, 0o666));
}
