/**
 * `wasi-mcp test <collection.json> <component.wasm>`: runs the collection's
 * calls against the component, prints one line per call and, with --junit,
 * writes JUnit XML. Exit 0 when every expectation holds, 1 when one fails.
 */
import { writeFile } from 'node:fs/promises';
import { junitXml } from '../collections/junit.js';
import { clientPeer } from '../collections/peer.js';
import { runCollection, type CollectionRun } from '../collections/run.js';
import type { Command } from './args.js';
import { readCollection } from './collection-file.js';
import { readComponent } from './component-file.js';
import { connectComponent } from './connect.js';
import { writeStdout } from './diagnostics.js';
import { CliError, EXIT, runtimeError, type ExitCode } from './exit-codes.js';
import { runText } from './test-report.js';

export async function test(command: Extract<Command, { kind: 'test' }>, version: string): Promise<ExitCode> {
  const collection = await readCollection(command.collection);
  const bytes = await readComponent(command.file);
  const { client, options, close } = await connectComponent(command, bytes, { name: 'wasi-mcp-test', version, failure: 'TEST_FAILED' });
  let run: CollectionRun;
  try {
    run = await runCollection(clientPeer(client, options), collection);
  } catch (e) {
    throw runtimeError(e, 'TEST_FAILED');
  } finally {
    await close();
  }
  await writeStdout(runText(run));
  if (command.junit !== undefined) {
    try {
      await writeFile(command.junit, junitXml([run]));
    } catch (e) {
      throw new CliError(EXIT.RUNTIME, 'TEST_FAILED', `cannot write JUnit XML to ${command.junit}: ${(e as Error).message}`);
    }
  }
  return run.passed ? EXIT.OK : EXIT.RUNTIME;
}
