/**
 * Guest paths inside a mounted host directory (the component is
 * untrusted). A path is walked one name at a time from the descriptor it is
 * relative to, with lstat, and symbolic links are expanded here rather than by
 * the OS, so that neither `..` nor a link can climb above the mount root:
 * absolute paths and absolute link targets are refused, and `..` at the root
 * is refused. Then realpath must agree that the result lies inside the root,
 * which also catches a directory swapped for a link since it was opened
 * (another component on the same directory could do that between two calls).
 */
import { lstatSync, readlinkSync, realpathSync, type BigIntStats } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** As many links as Linux follows in one path (MAXSYMLINKS). */
const MAX_LINKS = 40;

export interface Resolved {
  /** Names from the mount root to the entry, none of them a symbolic link except perhaps the last. */
  segments: string[];
  hostPath: string;
  /** lstat of the entry; undefined when it does not exist (only if `allowMissing`). */
  stats: BigIntStats | undefined;
}

export interface ResolveOptions {
  /** Follow a link that is the last name (stat, open); do not for the link itself (lstat, unlink, rename). */
  followFinal: boolean;
  /** The last name may be missing (create): the result names where it would be. */
  allowMissing?: boolean;
}

/** Is `path` the root or below it? */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function names(path: string): string[] {
  return path.split('/').filter((name) => name !== '' && name !== '.');
}

function lstatIfAny(path: string): BigIntStats | undefined {
  return lstatSync(path, { bigint: true, throwIfNoEntry: false });
}

/** realpath must stay inside the root: else `not-permitted`. */
function confine(root: string, path: string): void {
  if (!isInside(root, realpathSync.native(path))) throw 'not-permitted';
}

/**
 * Where `path`, relative to the directory `base` (names from the root),
 * leads. `root` is the mount's real path.
 */
export function resolveWithin(root: string, base: string[], path: string, options: ResolveOptions): Resolved {
  if (path.startsWith('/')) throw 'not-permitted';
  if (path.includes('\0')) throw 'invalid';
  // The descriptor's own directory may have been swapped for a link since it was opened: the OS
  // would follow it in every lstat below, and their answers would describe the host outside.
  const start = join(root, ...base);
  if (realpathSync.native(start) !== start) throw 'not-permitted';
  const segments = [...base];
  const pending = names(path).reverse();
  let links = 0;
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (name === '..') {
      if (segments.length === 0) throw 'not-permitted';
      segments.pop();
      continue;
    }
    const isFinal = pending.length === 0;
    const hostPath = join(root, ...segments, name);
    const stats = lstatIfAny(hostPath);
    if (stats === undefined) {
      if (!isFinal || !options.allowMissing) throw 'no-entry';
      confine(root, dirname(hostPath));
      return { segments: [...segments, name], hostPath, stats };
    }
    if (stats.isSymbolicLink() && (!isFinal || options.followFinal)) {
      if (++links > MAX_LINKS) throw 'loop';
      const target = readlinkSync(hostPath);
      // An absolute target is a host path: never meaningful inside the mount.
      if (target.startsWith('/')) throw 'not-permitted';
      pending.push(...names(target).reverse());
      continue;
    }
    if (!isFinal && !stats.isDirectory()) throw 'not-directory';
    segments.push(name);
    if (isFinal) return checked(root, { segments, hostPath, stats });
  }
  const hostPath = join(root, ...segments);
  return checked(root, { segments, hostPath, stats: lstatIfAny(hostPath) });
}

/** The realpath check; a final link left unfollowed is checked by its directory, as it is not followed. */
function checked(root: string, resolved: Resolved): Resolved {
  if (resolved.stats === undefined) throw 'no-entry';
  confine(root, resolved.stats.isSymbolicLink() ? dirname(resolved.hostPath) : resolved.hostPath);
  return resolved;
}

/**
 * The entry a mutation names (mkdir, unlink, rmdir, rename, symlink, link):
 * its directory resolved with links followed, its last name taken literally.
 * `.`, `..` or nothing as the last name is `invalid`, as no such call can
 * apply to them.
 */
export function entryWithin(root: string, base: string[], path: string): Resolved & { parent: string[] } {
  if (path.startsWith('/')) throw 'not-permitted';
  const all = path.split('/').filter((name) => name !== '' && name !== '.');
  const name = all.pop();
  if (name === undefined || name === '..') throw 'invalid';
  const parent = resolveWithin(root, base, all.join('/'), { followFinal: true });
  if (!parent.stats?.isDirectory()) throw 'not-directory';
  const hostPath = join(parent.hostPath, name);
  if (name.includes('\0')) throw 'invalid';
  return { parent: parent.segments, segments: [...parent.segments, name], hostPath, stats: lstatIfAny(hostPath) };
}
