/**
 * `wasi-mcp inspect <file>`: loads the component in a worker, asks it over
 * MCP what it registered, and prints one JSON report on stdout.
 */
import { clientPeer } from '../collections/peer.js';
import { readRegistration } from '../collections/registration.js';
import type { Common } from './args.js';
import { connectComponent } from './connect.js';
import { writeStdout } from './diagnostics.js';
import { EXIT, runtimeError, type ExitCode } from './exit-codes.js';

export async function inspect(command: Common, bytes: Uint8Array, version: string): Promise<ExitCode> {
  const { client, worker, options, close } = await connectComponent(command, bytes, { name: 'wasi-mcp-inspect', version, failure: 'INSPECT_FAILED' });
  try {
    const { info, capabilities, instructions, ...lists } = await readRegistration(clientPeer(client, options));
    const report = {
      file: command.file,
      world: worker.world,
      server: info,
      ...(instructions === undefined ? {} : { instructions }),
      capabilities,
      ...lists,
    };
    await writeStdout(`${JSON.stringify(report, null, 2)}\n`);
    return EXIT.OK;
  } catch (e) {
    throw runtimeError(e, 'INSPECT_FAILED');
  } finally {
    await close();
  }
}
