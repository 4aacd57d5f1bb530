/** The example components built by `npm run build:examples` (tests never build their own copies). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../public/examples/', import.meta.url));

export function examplePath(name: string): string {
  const path = join(EXAMPLES_DIR, `${name}.wasm`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build:examples`);
  return path;
}

export function exampleBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(examplePath(name)));
}
