/**
 * `npm run bench -- browser --profile`: CPU profiles (CDP Profiler, 100 µs
 * sampling) of the page and of a worker around the phases the page names,
 * written to bench/results/profiles/ and summarized by self time per source
 * file (the bench page is then built unminified, and Rolldown's `// path`
 * comment at the start of each module says where its lines came from) and per function.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { round } from '../../stats.js';
import type { ProfileHook } from '../types.js';
import { WorkerSession } from './cdp.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by source file (or wasm module, or V8's own buckets such as (garbage collector)). */
  files: [name: string, ms: number, percent: number][];
  functions: [name: string, ms: number, percent: number][];
}


const SAMPLING_US = 100;

/** Line → source file, from the `// path/of/module.js` comments that open each module in an unminified chunk. */
function regions(file: string): (line: number) => string | undefined {
  if (!existsSync(file)) return () => undefined;
  const marks: [line: number, path: string | undefined][] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      const m = /^\/\/ (\S+\.(?:[cm]?js|tsx?))$/.exec(text);
      if (m) marks.push([i, m[1]]);
    });
  return (line) => {
    let found: string | undefined;
    for (const [at, path] of marks) {
      if (at > line) break;
      found = path;
    }
    return found;
  };
}

function shorten(path: string): string {
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) return path.slice(nm + 'node_modules/'.length);
  const src = path.indexOf('src/');
  return src >= 0 ? path.slice(src) : path;
}

export function summarize(profile: CpuProfile, assets: string, top = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const lookups = new Map<string, (line: number) => string | undefined>();
  const files = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    total += us;
    let file: string;
    if (url === '') file = functionName || '(anonymous)';
    else if (url.startsWith('wasm://')) file = `wasm ${url.slice(url.lastIndexOf('/') + 1)}`;
    else {
      const chunk = basename(new URL(url).pathname);
      if (!lookups.has(chunk)) lookups.set(chunk, regions(join(assets, chunk)));
      file = shorten(lookups.get(chunk)!(lineNumber) ?? chunk);
    }
    files.set(file, (files.get(file) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${url === '' ? '' : url.startsWith('wasm://') ? file : `${file}:${lineNumber + 1}`}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]): [string, number, number] => [k, round(us / 1000, 1), round((100 * us) / total, 1)]);
  return { totalMs: round(total / 1000, 1), files: rank(files), functions: rank(functions) };
}

/** The page's `window.benchProfile`, and what it collected. */
export async function profiler(page: Page, assets: string, out: string): Promise<{ hook: ProfileHook; summaries: Record<string, ProfileSummary> }> {
  mkdirSync(out, { recursive: true });
  const session: CDPSession = await page.context().newCDPSession(page);
  const summaries: Record<string, ProfileSummary> = {};
  const workers = new Map<string, WorkerSession>();

  const startOn = async (s: { send<T>(m: string, p?: Record<string, unknown>): Promise<T> }) => {
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await s.send('Profiler.start');
  };
  const stopOn = async (s: { send<T>(m: string, p?: Record<string, unknown>): Promise<T> }, name: string) => {
    const { profile } = await s.send<{ profile: CpuProfile }>('Profiler.stop');
    writeFileSync(join(out, `${name}.cpuprofile`), JSON.stringify(profile));
    summaries[name] = summarize(profile, assets);
  };
  const pageSend = <T>(m: string, p: Record<string, unknown> = {}) => session.send(m as 'Profiler.enable', p) as Promise<T>;

  const hook: ProfileHook = async (action, label, workerName) => {
    if (action === 'start') {
      const worker = await WorkerSession.attach(session, workerName!);
      workers.set(label, worker);
      await startOn(worker);
      await startOn({ send: pageSend });
    } else {
      const worker = workers.get(label);
      await stopOn({ send: pageSend }, `${label}.page`);
      if (worker) await stopOn(worker, `${label}.worker`);
      await worker?.detach();
      workers.delete(label);
    }
  };
  return { hook, summaries };
}
