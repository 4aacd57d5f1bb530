/**
 * `wasi-mcp diff <old.wasm> <new.wasm> [--collection <file>]`: loads each
 * component in turn, reads what it registered and, with a collection, the
 * answers to its calls, then prints what differs. Exit 0 when nothing does,
 * 1 when something does.
 */
import type { Collection } from '../collections/format.js';
import { diffAnswers, diffRegistrations, sameRegistration } from '../collections/diff.js';
import { clientPeer } from '../collections/peer.js';
import { readRegistration, type Registration } from '../collections/registration.js';
import { runCollection, type CollectionRun } from '../collections/run.js';
import type { Command, Common } from './args.js';
import { readCollection } from './collection-file.js';
import { readComponent } from './component-file.js';
import { connectComponent } from './connect.js';
import { writeStdout } from './diagnostics.js';
import { answersText, registrationText } from './diff-report.js';
import { EXIT, runtimeError, type ExitCode } from './exit-codes.js';

interface Observed {
  registration: Registration;
  run?: CollectionRun;
}

async function observe(command: Common, bytes: Uint8Array, collection: Collection | undefined, version: string): Promise<Observed> {
  const { client, options, close } = await connectComponent(command, bytes, { name: 'wasi-mcp-diff', version, failure: 'DIFF_FAILED' });
  try {
    const peer = clientPeer(client, options);
    const registration = await readRegistration(peer);
    return collection === undefined ? { registration } : { registration, run: await runCollection(peer, collection) };
  } catch (e) {
    throw runtimeError(e, 'DIFF_FAILED');
  } finally {
    await close();
  }
}

export async function diff(command: Extract<Command, { kind: 'diff' }>, version: string): Promise<ExitCode> {
  const collection = command.collection === undefined ? undefined : await readCollection(command.collection);
  const oldBytes = await readComponent(command.file);
  const newBytes = await readComponent(command.newFile);
  // One at a time: two components loading at once would double the memory for no gain in what is reported.
  const old = await observe(command, oldBytes, collection, version);
  const next = await observe({ ...command, file: command.newFile }, newBytes, collection, version);
  const registration = diffRegistrations(old.registration, next.registration);
  const answers = old.run && next.run ? diffAnswers(old.run, next.run) : [];
  const lines = [`--- ${command.file}`, `+++ ${command.newFile}`, ...registrationText(registration)];
  if (collection !== undefined) lines.push(...answersText(answers, collection.calls.length));
  await writeStdout(`${lines.join('\n')}\n`);
  return sameRegistration(registration) && answers.length === 0 ? EXIT.OK : EXIT.RUNTIME;
}
