/**
 * What every component worker of one command is given (deny by
 * default): the grants and limits the flags ask for, and the `--dir`
 * directories, checked up front so that a bad one fails before anything runs.
 */
import type { HostDir } from '../platform/node/host-filesystem.js';
import type { Grants, Limits } from '../worker/protocol.js';
import { componentArgs, type Common } from './args.js';
import { checkHostDirs } from './host-dirs.js';

export interface Sandbox {
  grants: Grants;
  limits: Limits;
  /** Real host directories, opened by each worker (they are not data the control protocol could carry). */
  hostDirs: HostDir[];
}

export async function sandboxOf(command: Common): Promise<Sandbox> {
  return {
    grants: {
      env: command.env,
      args: componentArgs(command.file),
      ...(command.httpOrigins.length > 0 ? { httpOrigins: command.httpOrigins } : {}),
    },
    limits: command.memoryBytes === undefined ? {} : { memoryBytes: command.memoryBytes },
    hostDirs: await checkHostDirs(command.dirs),
  };
}
