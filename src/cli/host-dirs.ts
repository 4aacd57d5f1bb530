/**
 * `--dir`: a host directory read into the in-memory tree the host core gives
 * the component (its WASI comes from the shim's pure-JS build, which has no
 * host filesystem). The copy is taken once, when the command starts, so
 * every instance (a restart, another HTTP session) starts from the same
 * files, and what a component writes never reaches the host directory.
 * Bounded, since every worker holds its own copy in memory.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileTree } from '../host/index.js';
import { CliError, EXIT } from './exit-codes.js';
import type { DirFlag } from './sandbox-flags.js';

export const MAX_DIR_BYTES = 64 * 2 ** 20;
export const MAX_DIR_ENTRIES = 10_000;

export interface HostDirs {
  /** By guest path. */
  trees: Record<string, FileTree>;
  /** Symbolic links and special files left out (a link could lead outside the directory). */
  skipped: number;
}

interface Budget {
  bytes: number;
  entries: number;
  skipped: number;
}

const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;

function dirError(code: string, message: string): CliError {
  return new CliError(EXIT.USAGE, code, message);
}

function errnoOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : 'EIO';
}

/** Reads every `--dir` together: the limits hold for all of them at once. */
export async function readHostDirs(dirs: DirFlag[]): Promise<HostDirs> {
  const budget: Budget = { bytes: 0, entries: 0, skipped: 0 };
  const trees: Record<string, FileTree> = {};
  for (const { host, guest } of dirs) {
    let isDirectory: boolean;
    try {
      isDirectory = (await lstat(host)).isDirectory();
    } catch (e) {
      const code = errnoOf(e);
      if (code === 'ENOENT') throw dirError('DIR_NOT_FOUND', `--dir ${host}: no such directory`);
      throw dirError('DIR_UNREADABLE', `--dir ${host}: cannot read it (${code})`);
    }
    if (!isDirectory) throw dirError('DIR_NOT_FOUND', `--dir ${host} is not a directory`);
    trees[guest] = await readTree(host, host, budget);
  }
  return { trees, skipped: budget.skipped };
}

async function readTree(root: string, dir: string, budget: Budget): Promise<FileTree> {
  const tree: FileTree = { dir: {} };
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw dirError('DIR_UNREADABLE', `--dir ${root}: cannot read ${dir} (${errnoOf(e)})`);
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (!entry.isDirectory() && !entry.isFile()) {
      budget.skipped += 1;
      continue;
    }
    budget.entries += 1;
    if (budget.entries > MAX_DIR_ENTRIES) {
      throw dirError(
        'DIR_TOO_LARGE',
        `--dir ${root}: more than ${MAX_DIR_ENTRIES} files and directories; the component gets an in-memory copy, so grant a smaller directory`,
      );
    }
    if (entry.isDirectory()) {
      tree.dir[entry.name] = await readTree(root, path, budget);
      continue;
    }
    tree.dir[entry.name] = { source: await readBounded(root, path, budget) };
  }
  return tree;
}

/** A file's bytes, counted against the budget before they are read (a huge file is never read). */
async function readBounded(root: string, path: string, budget: Budget): Promise<Uint8Array> {
  try {
    budget.bytes += (await lstat(path)).size;
    if (budget.bytes > MAX_DIR_BYTES) {
      throw dirError(
        'DIR_TOO_LARGE',
        `--dir ${root}: over ${mib(MAX_DIR_BYTES)} of files; the component gets an in-memory copy, so grant a smaller directory`,
      );
    }
    return new Uint8Array(await readFile(path));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw dirError('DIR_UNREADABLE', `--dir ${root}: cannot read ${path} (${errnoOf(e)})`);
  }
}
