/**
 * The benchmark page: `window.runBench(options)` loads each
 * example twice (the second load is an IndexedDB cache hit), times echo round
 * trips against a JS baseline in the same page, samples memory, and returns
 * the numbers as JSON. bench/browser.ts builds, serves and drives it.
 */
import type { Client } from '@modelcontextprotocol/client';
import { round } from '../stats.js';
import { combine, concurrent, connect, sequential, warmUp, type Run } from './measure.js';
import type { ExampleLoad, HeapProbe, LoadTiming, MemorySample, PageOptions, PageResults, ProfileHook, RoundTripSide, RoundTrips } from './types.js';
import { floor, runVariants } from './experiments/variants.js';
import { nextComponentWorker, prepareComponentWorker, spawnBaseline, spawnComponent, type BenchLink } from './workers.js';

declare global {
  interface Window {
    runBench(options?: Partial<PageOptions>): Promise<PageResults>;
    /** Exposed by the runner: the JS heap of a worker, over CDP. */
    benchWorkerHeap?: HeapProbe;
    /** Exposed by the runner with --profile. */
    benchProfile?: ProfileHook;
  }
}

const DEFAULTS: PageOptions = {
  examples: ['echo', 'everything', 'echo-js'],
  roundTrips: ['echo'],
  calls: 5000,
  // The component's calls keep getting faster for thousands of calls (JIT tiering of the glue and the wasm).
  warmup: 5000,
  inFlight: 16,
  rounds: 3,
  profile: false,
  experiments: false,
};
let profiling = false;
/** Profiles `label`, page and worker, if the runner asked for it (--profile). */
const profile = async (action: 'start' | 'stop', label: string, workerName?: string) => {
  if (profiling && window.benchProfile) await window.benchProfile(action, label, workerName);
};
const notes = new Set<string>();
const status = (text: string) => {
  document.getElementById('status')!.textContent = text;
  console.log(`bench: ${text}`);
};

async function fetchBytes(name: string): Promise<Uint8Array> {
  const response = await fetch(`examples/${name}.wasm`);
  if (!response.ok) throw new Error(`examples/${name}.wasm: HTTP ${response.status} (run npm run build:examples)`);
  return new Uint8Array(await response.arrayBuffer());
}

async function memory(link: BenchLink): Promise<MemorySample> {
  const linearBytes = (await link.memoryBytes()) ?? null;
  if (!window.benchWorkerHeap) {
    notes.add('worker heap: unavailable without the runner (bench/browser.ts reads it over CDP)');
    return { linearBytes, heapBytes: null, heapAfterGcBytes: null };
  }
  const heap = await window.benchWorkerHeap(link.name);
  if ('unavailable' in heap) {
    notes.add(`worker heap: ${heap.unavailable}`);
    return { linearBytes, heapBytes: null, heapAfterGcBytes: null };
  }
  return { linearBytes, ...heap };
}

const ms = (n: number | undefined) => (n === undefined ? null : round(n, 1));

/** No load follows another sooner: a user takes longer, and the app's waiting worker has started by then. */
const PAUSE_BEFORE_LOAD_MS = 300;

/** Bytes in hand to a listed server; the client stays connected for whoever wants it. */
async function load(spawn: () => Promise<BenchLink>, label?: string): Promise<{ timing: LoadTiming; link: BenchLink; client: Client }> {
  await new Promise((r) => setTimeout(r, PAUSE_BEFORE_LOAD_MS));
  // A profiled load is in the worker that is waiting for it, as every component load is.
  if (label) await profile('start', label, nextComponentWorker());
  const link = await spawn();
  const t1 = performance.now();
  // The clock starts where the spawn started it.
  const t0 = t1 - link.readyMs;
  const client = await connect(link);
  const t2 = performance.now();
  const { tools } = await client.listTools();
  const t3 = performance.now();
  if (label) await profile('stop', label);
  const s = link.stages;
  const stageSum = (s.transpile ?? 0) + (s.compile ?? 0) + (s.instantiate ?? 0) + (s.register ?? 0);
  const timing: LoadTiming = {
    cached: link.cached ?? null,
    totalMs: round(t3 - t0, 1),
    readyMs: round(t1 - t0, 1),
    stagesMs: { transpile: ms(s.transpile), compile: ms(s.compile), instantiate: ms(s.instantiate), register: ms(s.register) },
    workerMs: round(t1 - t0 - stageSum, 1),
    bootMs: link.arrivals.transpile === undefined ? null : round(link.arrivals.transpile - s.transpile!, 1),
    serverMs: link.arrivals.register === undefined ? null : round(t1 - t0 - link.arrivals.register, 1),
    initializeMs: round(t2 - t1, 1),
    listMs: round(t3 - t2, 1),
    tools: tools.length,
    memory: await memory(link),
  };
  return { timing, link, client };
}

interface Side {
  label: string;
  link: BenchLink;
  client: Client;
  afterLoad: MemorySample;
}

/** Baseline and component take turns, round after round; only the first round is profiled (--profile). */
async function timedRuns(sides: Side[], o: PageOptions, mode: 'sequential' | 'concurrent'): Promise<Run[][]> {
  const runs: Run[][] = sides.map(() => []);
  for (let round = 0; round < o.rounds; round++) {
    for (const [i, side] of sides.entries()) {
      const label = `${side.label}-${mode}`;
      if (round === 0) await profile('start', label, side.link.name);
      runs[i].push(mode === 'sequential' ? await sequential(side.client, o.calls) : await concurrent(side.client, o.calls, o.inFlight));
      if (round === 0) await profile('stop', label);
    }
  }
  return runs;
}

async function roundTrips(name: string, component: Omit<Side, 'label'>, o: PageOptions): Promise<RoundTrips> {
  const base = await load(spawnBaseline);
  const sides: Side[] = [
    { label: 'baseline', link: base.link, client: base.client, afterLoad: base.timing.memory },
    { label: name, ...component },
  ];
  for (const side of sides) await warmUp(side.client, o.warmup);
  const seq = await timedRuns(sides, o, 'sequential');
  const conc = await timedRuns(sides, o, 'concurrent');
  const results: RoundTripSide[] = [];
  for (const [i, side] of sides.entries()) {
    results.push({
      sequential: combine(seq[i]),
      concurrent: combine(conc[i]),
      memory: { afterLoad: side.afterLoad, afterCalls: await memory(side.link) },
    });
  }
  const [baseline, comp] = results;
  await base.client.close();
  return {
    component: comp,
    baseline,
    ratio: {
      p50: round(comp.sequential.p50Ms / baseline.sequential.p50Ms, 2),
      p99: round(comp.sequential.p99Ms / baseline.sequential.p99Ms, 2),
      throughput: round(comp.sequential.callsPerSecond / baseline.sequential.callsPerSecond, 2),
      concurrentThroughput: round(comp.concurrent.callsPerSecond / baseline.concurrent.callsPerSecond, 2),
    },
  };
}

window.runBench = async (options = {}) => {
  const o: PageOptions = { ...DEFAULTS, ...options };
  notes.clear();
  profiling = o.profile;
  status('fetching examples');
  const bytes = new Map<string, Uint8Array>();
  for (const name of new Set([...o.examples, ...o.roundTrips])) bytes.set(name, await fetchBytes(name));

  const loads: Record<string, ExampleLoad> = {};
  const kept = new Map<string, { link: BenchLink; client: Client; afterLoad: MemorySample }>();
  for (const name of o.examples) {
    status(`${name}: first load`);
    const first = await load(() => spawnComponent(bytes.get(name)!, name), `${name}-first-load`);
    await first.client.close();
    status(`${name}: second load`);
    const second = await load(() => spawnComponent(bytes.get(name)!, name), `${name}-second-load`);
    loads[name] = { bytes: bytes.get(name)!.length, first: first.timing, second: second.timing };
    if (o.roundTrips.includes(name)) kept.set(name, { link: second.link, client: second.client, afterLoad: second.timing.memory });
    else await second.client.close();
  }

  status('baseline load');
  const baselineLoad = await load(spawnBaseline);
  await baselineLoad.client.close();

  const trips: Record<string, RoundTrips> = {};
  for (const name of o.roundTrips) {
    status(`${name}: round trips`);
    let component = kept.get(name);
    if (!component) {
      const loaded = await load(() => spawnComponent(bytes.get(name)!, name));
      component = { link: loaded.link, client: loaded.client, afterLoad: loaded.timing.memory };
    }
    trips[name] = await roundTrips(name, component, o);
    await component.client.close();
  }
  let experiments: PageResults['experiments'];
  if (o.experiments && o.roundTrips.length > 0) {
    status(`${o.roundTrips[0]}: experiments`);
    const variants = await runVariants(bytes.get(o.roundTrips[0])!, spawnBaseline, o);
    const freshWorkerLoad: Record<string, LoadTiming> = {};
    for (const name of o.examples) {
      status(`${name}: load in a worker started with the clock`);
      const l = await load(() => spawnComponent(bytes.get(name)!, name, true));
      freshWorkerLoad[name] = l.timing;
      await l.client.close();
    }
    status('floor: raw postMessage round trips');
    experiments = { variants, floor: await floor(o), freshWorkerLoad };
  }
  status('done');
  return {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    options: o,
    load: loads,
    baselineLoad: baselineLoad.timing,
    roundTrips: trips,
    ...(experiments ? { experiments } : {}),
    notes: [...notes],
  };
};
prepareComponentWorker();
status('ready');
