/** Reads a component file, failing with one readable line (exit 3) rather than a stack trace. */
import { readFile } from 'node:fs/promises';
import { checkHeader, HostError } from '../host/index.js';
import { CliError, EXIT } from './exit-codes.js';

export async function readComponent(file: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : 'EIO';
    if (code === 'ENOENT') throw new CliError(EXIT.BAD_COMPONENT, 'FILE_NOT_FOUND', `${file}: no such file`);
    if (code === 'EISDIR') throw new CliError(EXIT.BAD_COMPONENT, 'FILE_UNREADABLE', `${file} is a directory, not a component file`);
    throw new CliError(EXIT.BAD_COMPONENT, 'FILE_UNREADABLE', `${file}: cannot read it (${code})`);
  }
  // The 8-byte header check is instant; no need to start a worker to say "not wasm".
  try {
    checkHeader(bytes);
  } catch (e) {
    if (e instanceof HostError) throw new CliError(EXIT.BAD_COMPONENT, e.code, `${file}: ${e.message}`);
    throw e;
  }
  return bytes;
}
