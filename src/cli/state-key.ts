/**
 * The key that signs input_required rounds' `requestState` under
 * `serve --http`: from `--state-key-file`, else from $WASI_MCP_STATE_KEY,
 * else none (each process makes a random one). Several processes behind one
 * load balancer need the same key for a stateless round started on one to
 * be continued on another. The key is a secret: no message names its bytes.
 */
import { readFile } from 'node:fs/promises';
import { STATE_KEY_MIN_BYTES } from '../host/state-key.js';
import { usageError } from './exit-codes.js';

export const STATE_KEY_ENV = 'WASI_MCP_STATE_KEY';

const CR = 0x0d;
const LF = 0x0a;

export async function readStateKey(file: string | undefined, env: string | undefined): Promise<Uint8Array<ArrayBuffer> | undefined> {
  let key: Uint8Array;
  let source: string;
  if (file !== undefined) {
    source = `--state-key-file ${file}`;
    try {
      key = await readFile(file);
    } catch (e) {
      throw usageError(`cannot read ${source}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    // Trailing line ends go, as $(cat file) drops them: the file and $WASI_MCP_STATE_KEY="$(cat file)" give one key.
    let end = key.length;
    while (end > 0 && (key[end - 1] === LF || key[end - 1] === CR)) end -= 1;
    key = key.subarray(0, end);
  } else if (env !== undefined && env !== '') {
    source = `$${STATE_KEY_ENV}`;
    key = new TextEncoder().encode(env);
  } else {
    return undefined;
  }
  if (key.length < STATE_KEY_MIN_BYTES) {
    throw usageError(
      `the requestState key from ${source} is ${key.length} bytes; it needs at least ${STATE_KEY_MIN_BYTES} (make one with: openssl rand -base64 32)`,
    );
  }
  // A plain Uint8Array of its own: a Buffer may be a view into a larger pooled buffer.
  return new Uint8Array(key);
}
