/**
 * `--dir`: each host directory is checked once, when the command starts, so
 * that a missing or unreadable one fails before anything runs. The component's
 * worker then opens it itself (platform/node/host-filesystem.ts): reads and
 * writes go to the real directory, confined to it.
 */
import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import type { ErrorCode } from '../host/errors.js';
import type { HostDir } from '../platform/node/host-filesystem.js';
import { CliError, EXIT } from './exit-codes.js';
import type { DirFlag } from './sandbox-flags.js';

function dirError(code: ErrorCode, message: string): CliError {
  return new CliError(EXIT.USAGE, code, message);
}

function errnoOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : 'EIO';
}

/**
 * The directories as the worker wants them, by their real path: the mount
 * root that confinement checks against is fixed here, once, even if a link
 * on the way to it changes later.
 */
export async function checkHostDirs(dirs: DirFlag[]): Promise<HostDir[]> {
  return Promise.all(dirs.map(checkHostDir));
}

async function checkHostDir({ host, guest, readOnly }: DirFlag): Promise<HostDir> {
  try {
    if (!(await stat(host)).isDirectory()) throw dirError('DIR_NOT_FOUND', `--dir ${host} is not a directory`);
    await access(host, constants.R_OK | constants.X_OK);
    return { host: await realpath(host), guest, readOnly };
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = errnoOf(e);
    if (code === 'ENOENT') throw dirError('DIR_NOT_FOUND', `--dir ${host}: no such directory`);
    throw dirError('DIR_UNREADABLE', `--dir ${host}: cannot read it (${code})`);
  }
}
