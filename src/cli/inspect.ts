/**
 * `wasi-mcp inspect <file>`: loads the component in a worker, asks it over
 * MCP what it registered, and prints one JSON report on stdout.
 */
import { Client } from '@modelcontextprotocol/client';
import type { RequestOptions } from '@modelcontextprotocol/client';
import type { SpawnedWorker } from '../platform/node/spawn.js';
import { MessagePortTransport } from '../transport/message-port.js';
import type { Common } from './args.js';
import { writeStdout } from './diagnostics.js';
import { toWireError } from '../host/index.js';
import { CliError, EXIT, loadError, type ExitCode } from './exit-codes.js';
import { sandboxOf } from './sandbox.js';
import { workerFactory } from './workers.js';

export async function inspect(command: Common, bytes: Uint8Array, version: string): Promise<ExitCode> {
  const sandbox = await sandboxOf(command);
  let worker: SpawnedWorker;
  try {
    worker = await workerFactory({ bytes, sandbox, timeoutMs: command.timeoutMs, cache: command.cache })({ current: 'component' });
  } catch (e) {
    throw loadError(e, command.file);
  }
  const client = new Client({ name: 'wasi-mcp-inspect', version });
  const options: RequestOptions = { timeout: command.timeoutMs };
  try {
    await client.connect(new MessagePortTransport(worker.port), options);
    const capabilities = client.getServerCapabilities() ?? {};
    const instructions = client.getInstructions();
    const report = {
      file: command.file,
      world: worker.world,
      server: client.getServerVersion(),
      ...(instructions === undefined ? {} : { instructions }),
      capabilities,
      tools: capabilities.tools ? (await client.listTools(undefined, options)).tools : [],
      resources: capabilities.resources ? (await client.listResources(undefined, options)).resources : [],
      resourceTemplates: capabilities.resources
        ? (await client.listResourceTemplates(undefined, options)).resourceTemplates
        : [],
      prompts: capabilities.prompts ? (await client.listPrompts(undefined, options)).prompts : [],
    };
    await writeStdout(`${JSON.stringify(report, null, 2)}\n`);
    return EXIT.OK;
  } catch (e) {
    const error = toWireError(e);
    throw new CliError(EXIT.RUNTIME, error.code === 'INTERNAL' ? 'INSPECT_FAILED' : error.code, error.message);
  } finally {
    await client.close();
    worker.terminate();
  }
}
