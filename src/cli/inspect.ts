/**
 * `wasi-mcp inspect <file>`: loads the component in a worker, asks it over
 * MCP what it registered, and prints one JSON report on stdout.
 */
import type { Common } from './args.js';
import { connectComponent } from './connect.js';
import { writeStdout } from './diagnostics.js';
import { EXIT, runtimeError, type ExitCode } from './exit-codes.js';

export async function inspect(command: Common, bytes: Uint8Array, version: string): Promise<ExitCode> {
  const { client, worker, options, close } = await connectComponent(command, bytes, { name: 'wasi-mcp-inspect', version, failure: 'INSPECT_FAILED' });
  try {
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
    throw runtimeError(e, 'INSPECT_FAILED');
  } finally {
    await close();
  }
}
