/** Reads a component file, failing with one readable line (exit 3) rather than a stack trace. */
import { readFile, stat } from 'node:fs/promises';
import { HostError } from '../host/errors.js';
import { checkBytes, checkSize } from '../host/file-check.js';
import { CliError, EXIT } from './exit-codes.js';

function fileError(file: string, e: unknown): CliError {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : 'EIO';
  if (code === 'ENOENT') return new CliError(EXIT.BAD_COMPONENT, 'FILE_NOT_FOUND', `${file}: no such file`);
  if (code === 'EISDIR') return new CliError(EXIT.BAD_COMPONENT, 'FILE_UNREADABLE', `${file} is a directory, not a component file`);
  return new CliError(EXIT.BAD_COMPONENT, 'FILE_UNREADABLE', `${file}: cannot read it (${code})`);
}

export async function readComponent(file: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    // A huge file is refused by its size, before it is read into memory.
    checkSize((await stat(file)).size);
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    if (e instanceof HostError) throw new CliError(EXIT.BAD_COMPONENT, e.code, `${file}: ${e.message}`);
    throw fileError(file, e);
  }
  // The size, header and section checks are instant; no need to start a worker to say "not wasm".
  try {
    checkBytes(bytes);
  } catch (e) {
    if (e instanceof HostError) throw new CliError(EXIT.BAD_COMPONENT, e.code, `${file}: ${e.message}`);
    throw e;
  }
  return bytes;
}
