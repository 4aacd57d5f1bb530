/**
 * What every component worker of one command is given (issue #5, deny by
 * default): the grants and limits the flags ask for, with `--dir` read into
 * memory once, up front, so that a bad directory fails before anything runs.
 */
import type { Grants, Limits } from '../worker/protocol.js';
import { componentArgs, type Common } from './args.js';
import { note } from './diagnostics.js';
import { readHostDirs } from './host-dirs.js';

export interface Sandbox {
  grants: Grants;
  limits: Limits;
}

export async function sandboxOf(command: Common): Promise<Sandbox> {
  const { trees, skipped } = await readHostDirs(command.dirs);
  if (skipped > 0) note(`--dir: left out ${skipped} symbolic link(s) and special file(s)`);
  return {
    grants: {
      env: command.env,
      args: componentArgs(command.file),
      ...(command.dirs.length > 0 ? { dirs: trees } : {}),
      ...(command.httpOrigins.length > 0 ? { httpOrigins: command.httpOrigins } : {}),
    },
    limits: command.memoryBytes === undefined ? {} : { memoryBytes: command.memoryBytes },
  };
}
