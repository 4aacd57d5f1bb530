/**
 * The collections core runs in the page as well as in the CLI: nothing it
 * imports, directly or through other files of src/, may be a Node built-in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const CORE = fileURLToPath(new URL('../../../src/collections/', import.meta.url));
const NODE = new Set(builtinModules);

/** Every module specifier of every file reachable from `files` through relative imports. */
function specifiers(files: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else found.set(spec, file);
    }
  }
  return found;
}

test('src/collections reaches no Node built-in', () => {
  const files = readdirSync(CORE).filter((f) => f.endsWith('.ts')).map((f) => join(CORE, f));
  const found = specifiers(files);
  // The walk does see the core's real imports.
  expect([...found.keys()]).toEqual(expect.arrayContaining(['zod/v4', '@modelcontextprotocol/server/validators/cf-worker']));
  const node = [...found].filter(([spec]) => spec.startsWith('node:') || NODE.has(spec.split('/')[0]));
  expect(node).toEqual([]);
});
