/**
 * One component in a worker with the SDK's Client connected to it, for the
 * commands that ask a component things (inspect, test, diff).
 */
import { Client } from '@modelcontextprotocol/client';
import type { RequestOptions } from '@modelcontextprotocol/client';
import type { SpawnedWorker } from '../platform/node/spawn.js';
import { MessagePortTransport } from '../transport/message-port.js';
import type { Common } from './args.js';
import type { ErrorCode } from '../host/index.js';
import { loadError, runtimeError } from './exit-codes.js';
import { sandboxOf } from './sandbox.js';
import { workerFactory } from './workers.js';

export interface Connected {
  client: Client;
  worker: SpawnedWorker;
  /** What every request of the command passes: the --timeout deadline. */
  options: RequestOptions;
  close(): Promise<void>;
}

export interface ClientSetup {
  name: string;
  version: string;
  /** The error code of a failure to connect that has none of its own. */
  failure: ErrorCode;
}

/** Loads `bytes` (read from `command.file`) under the command's grants and connects a client to it. */
export async function connectComponent(command: Common, bytes: Uint8Array, setup: ClientSetup): Promise<Connected> {
  const sandbox = await sandboxOf(command);
  let worker: SpawnedWorker;
  try {
    worker = await workerFactory({ bytes, sandbox, timeoutMs: command.timeoutMs, cache: command.cache })({ current: 'component' });
  } catch (e) {
    throw loadError(e, command.file);
  }
  const client = new Client({ name: setup.name, version: setup.version });
  const options: RequestOptions = { timeout: command.timeoutMs };
  const close = async () => {
    await client.close();
    worker.terminate();
  };
  try {
    await client.connect(new MessagePortTransport(worker.port), options);
  } catch (e) {
    await close();
    throw runtimeError(e, setup.failure);
  }
  return { client, worker, options, close };
}
