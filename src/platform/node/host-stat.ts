/** Node's file metadata in wasi:filesystem's terms, for host-filesystem.ts. */
import { lstatSync, lutimesSync, utimesSync, type BigIntStats, type Dirent } from 'node:fs';
import type * as T from '@bytecodealliance/preview2-shim/interfaces/wasi-filesystem-types';

const NS = 1_000_000_000n;
const U64 = (1n << 64n) - 1n;

type Kind = Pick<Dirent, 'isFile' | 'isDirectory' | 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>;

export function typeOf(entry: Kind): T.DescriptorType {
  if (entry.isFile()) return 'regular-file';
  if (entry.isDirectory()) return 'directory';
  if (entry.isSymbolicLink()) return 'symbolic-link';
  if (entry.isFIFO()) return 'fifo';
  if (entry.isSocket()) return 'socket';
  if (entry.isBlockDevice()) return 'block-device';
  if (entry.isCharacterDevice()) return 'character-device';
  return 'unknown';
}

function datetime(ns: bigint): T.Datetime {
  return { seconds: ns / NS, nanoseconds: Number(ns % NS) };
}

export function statOf(stats: BigIntStats): T.DescriptorStat {
  return {
    type: typeOf(stats),
    linkCount: stats.nlink,
    size: stats.size,
    dataAccessTimestamp: datetime(stats.atimeNs),
    dataModificationTimestamp: datetime(stats.mtimeNs),
    statusChangeTimestamp: datetime(stats.ctimeNs),
  };
}

/**
 * Same file and unchanged since: the file's identity (device, inode) in
 * `upper`, what a write or a metadata change moves (times, size) in `lower`.
 */
export function metadataHashOf(stats: BigIntStats): T.MetadataHashValue {
  return {
    upper: (stats.dev * 0x100000001b3n ^ stats.ino) & U64,
    lower: (stats.mtimeNs * 31n ^ stats.ctimeNs ^ (stats.size << 7n)) & U64,
  };
}

/** Seconds (fractional) for utimes, `no-change` being the value the file has now. */
function seconds(wanted: T.NewTimestamp, current: bigint): number {
  switch (wanted.tag) {
    case 'no-change':
      return Number(current) / 1e9;
    case 'now':
      return Date.now() / 1000;
    case 'timestamp':
      return Number(wanted.val.seconds) + wanted.val.nanoseconds / 1e9;
  }
}

/** set-times(-at); a link left unfollowed gets its own times, as utimensat with AT_SYMLINK_NOFOLLOW. */
export function setTimesOf(path: string, isLink: boolean, atime: T.NewTimestamp, mtime: T.NewTimestamp): void {
  const now = lstatSync(path, { bigint: true });
  const times = [seconds(atime, now.atimeNs), seconds(mtime, now.mtimeNs)] as const;
  if (isLink) lutimesSync(path, ...times);
  else utimesSync(path, ...times);
}
