/**
 * The shape of bench/results/browser.json (documented in bench/README.md).
 * Shared by the page (which produces `PageResults`) and the runner.
 */
import type { LatencyStats } from '../stats.js';
import type { Floor, VariantResult } from './experiments/variants.js';

export interface PageOptions {
  /** Examples to load, in this order (file name without .wasm). */
  examples: string[];
  /** Examples whose echo tool gets the round-trip benchmark. */
  roundTrips: string[];
  /** Calls per timed run. */
  calls: number;
  /** Untimed calls on each side before the first round. */
  warmup: number;
  /** Calls in flight in the concurrent runs. */
  inFlight: number;
  /** Timed runs per side and mode, baseline and component taking turns (machine noise hits both alike). */
  rounds: number;
  /** Call window.benchProfile around the echo loads and round trips (timings are then perturbed). */
  profile: boolean;
  /** Also run the hot-path variants of experiments/variants.ts on the first round-trip example. */
  experiments: boolean;
}

/** Memory of one worker. `null` where it cannot be read (the reason is in `PageResults.notes`). */
export interface MemorySample {
  /** The component's linear memory (all its memories), from the worker's `stats` answer. */
  linearBytes: number | null;
  /** The worker isolate's used JS heap (CDP Runtime.getHeapUsage), as found. */
  heapBytes: number | null;
  /** The same right after a forced GC (CDP HeapProfiler.collectGarbage). */
  heapAfterGcBytes: number | null;
}

export interface LoadTiming {
  /** The transpiled component came from the IndexedDB cache. */
  cached: boolean | null;
  /** Bytes in hand to tools/list answered: readyMs + initializeMs + listMs. */
  totalMs: number;
  /** Spawn to the worker's `ready` (its stages, plus worker start and MCP server set-up). */
  readyMs: number;
  /** What the worker reported per stage. */
  stagesMs: { transpile: number | null; compile: number | null; instantiate: number | null; register: number | null };
  /** readyMs minus the stages: fetching and starting the worker script, the platform, the MCP Server. */
  workerMs: number;
  /** Of workerMs: spawn to the start of transpile (worker script fetched and evaluated, `load` received). */
  bootMs: number | null;
  /** Of workerMs: end of register to `ready` (createMcpServer, Server.connect, the message itself). */
  serverMs: number | null;
  /** Client.connect: initialize request and answer, initialized notification. */
  initializeMs: number;
  /** tools/list request and answer. */
  listMs: number;
  tools: number;
  memory: MemorySample;
}

export interface ExampleLoad {
  bytes: number;
  first: LoadTiming;
  second: LoadTiming;
}

/** Over all rounds; `perRound` is the calls/s of each round, to show the spread. */
export interface RoundStats extends LatencyStats {
  perRound: number[];
}

export interface RoundTripSide {
  sequential: RoundStats;
  concurrent: RoundStats;
  memory: { afterLoad: MemorySample; afterCalls: MemorySample };
}

export interface RoundTrips {
  component: RoundTripSide;
  baseline: RoundTripSide;
  /** component / baseline: p50 (> 1 is slower), throughput (< 1 is slower). */
  ratio: { p50: number; p99: number; throughput: number; concurrentThroughput: number };
}

export interface PageResults {
  userAgent: string;
  hardwareConcurrency: number;
  options: PageOptions;
  load: Record<string, ExampleLoad>;
  /** The baseline worker, loaded the same way (no transpile: stages are null). */
  baselineLoad: LoadTiming;
  roundTrips: Record<string, RoundTrips>;
  /** With --experiments only. */
  experiments?: {
    /** Echo round trips with hot-path changes switched on one at a time (experiments/variants.ts). */
    variants: VariantResult[];
    /** Raw postMessage round trips (experiments/pingpong-worker.ts): what any worker round trip costs at least. */
    floor: Floor;
    /** A further cache-hit load of each example in a worker started with the clock, not ahead of it. */
    freshWorkerLoad: Record<string, LoadTiming>;
  };
  notes: string[];
}

/** What the runner exposes to the page (page.exposeFunction) in profile mode. */
export type ProfileHook = (action: 'start' | 'stop', label: string, workerName?: string) => Promise<void>;

/** What the runner exposes to the page (page.exposeFunction). */
export interface HeapProbe {
  (workerName: string): Promise<{ heapBytes: number; heapAfterGcBytes: number } | { unavailable: string }>;
}
