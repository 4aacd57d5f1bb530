/**
 * Rewrites jco's generated module so that every copy out of a component's
 * memory is charged to the call's CopyBudget (copy-budget.ts), which the host
 * passes in the import object. jco copies in three ways, all rewritten here:
 * strings through TextDecoders it creates, byte lists with
 * `memoryN.buffer.slice`, and lists of records element by element (charged
 * the element's size, as each becomes a JavaScript object). Output with a copy
 * of another shape is refused, so a jco that copies differently fails loudly
 * (TRANSPILER in transpile.ts pins the version this was written against).
 */
import { COPY_BUDGET_IMPORT } from './copy-budget.js';
import { HostError } from './errors.js';

const ENTRY = /^(export (?:async )?function instantiate\(getCoreModule, imports(?:, [^)]*)?\) \{)$/m;
const BUDGET = 'hostCopyBudget';

export function budgetLifts(source: string): string {
  if (!ENTRY.test(source)) refuse('no instantiate(getCoreModule, imports, ...) function');
  const out = source
    .replace(ENTRY, `$1\n  const ${BUDGET} = imports['${COPY_BUDGET_IMPORT}'];`)
    .replace(/new TextDecoder\(([^)]*)\)/g, `${BUDGET}.decoder($1)`)
    .replace(/\b(memory\d+)\.buffer\.slice\(/g, `${BUDGET}.slice($1.buffer, `)
    .replace(/(const base = \w+ \+ i \* (\d+);)/g, `$1 ${BUDGET}.charge($2);`);
  if (/new TextDecoder\b/.test(out)) refuse('a TextDecoder the host could not replace');
  if (/\.buffer\.slice\(/.test(out)) refuse('a copy out of memory the host could not budget');
  return out;
}

function refuse(what: string): never {
  throw new HostError('TRANSPILE_FAILED', `jco's output has ${what}; the host cannot budget what it copies out`);
}
