/** Reads and parses a collection file; a missing or malformed one is a usage error (exit 2) listing every problem. */
import { readFile } from 'node:fs/promises';
import { parseCollection, type Collection } from '../collections/format.js';
import { CliError, EXIT } from './exit-codes.js';

export async function readCollection(file: string): Promise<Collection> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : 'EIO';
    if (code === 'ENOENT') throw new CliError(EXIT.USAGE, 'FILE_NOT_FOUND', `${file}: no such collection file`);
    throw new CliError(EXIT.USAGE, 'FILE_UNREADABLE', `${file}: cannot read the collection file (${code})`);
  }
  const parsed = parseCollection(text);
  if (!parsed.ok) throw new CliError(EXIT.USAGE, 'BAD_COLLECTION', `${file} is not a valid collection: ${parsed.problems.join('; ')}`);
  return parsed.collection;
}
