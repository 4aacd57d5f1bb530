/**
 * `npm run bench`: every benchmark, in one process, results printed and
 * written to bench/results/<part>.json. Ratios are against baselines run in
 * the same process, so they travel between machines better than times.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchBrowser } from './browser.js';
import { benchNode } from './node.js';

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const log = (line: string) => console.log(line);

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  const args = process.argv.slice(2);
  const only = args.find((a) => !a.startsWith('--'));
  // --profile (browser part): CPU profiles to results/profiles/, numbers there too (profiling perturbs them).
  const profile = args.includes('--profile');
  const meta = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length };
  if (!only || only === 'node') {
    const node = await benchNode(log);
    writeFileSync(`${RESULTS}node.json`, `${JSON.stringify({ ...meta, ...node }, null, 2)}\n`);
  }
  if (!only || only === 'browser') {
    const calls = process.env.BENCH_CALLS ? { calls: Number(process.env.BENCH_CALLS) } : {};
    // --experiments: hot-path variants of the component worker (bench/browser/experiments), results/experiments/.
    const experiments = args.includes('--experiments');
    const browser = await benchBrowser(log, { ...calls, experiments, ...(profile ? { profileDir: `${RESULTS}profiles/` } : {}) });
    const dir = profile ? 'profiles/' : experiments ? 'experiments/' : '';
    mkdirSync(`${RESULTS}${dir}`, { recursive: true });
    writeFileSync(`${RESULTS}${dir}browser.json`, `${JSON.stringify({ ...meta, ...browser }, null, 2)}\n`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
