/**
 * Node part: `wasi-mcp serve` over stdio with the SDK client,
 * against the same echo tool as a plain SDK stdio server, in the same run;
 * and cold start of `wasi-mcp serve` to the first tools/list answer, with
 * an empty transpile cache (--no-cache) and with a warm one.
 */
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, round, summarize, type LatencyStats } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CALLS = Number(process.env.BENCH_CALLS ?? 5000);
const WARMUP = 500;
const COLD_RUNS = 5;

interface Command {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** The CLI's transpile cache for this run, never the user's ~/.cache/wasi-mcp. */
const CACHE_DIR = mkdtempSync(join(tmpdir(), 'wasi-mcp-bench-cache-'));

const component = (file: string, cache: 'cache' | 'no-cache' = 'cache'): Command => ({
  name: `wasi-mcp serve ${file}`,
  command: process.execPath,
  args: [`${ROOT}bin/wasi-mcp.js`, 'serve', `${ROOT}public/examples/${file}`, ...(cache === 'no-cache' ? ['--no-cache'] : [])],
  env: { ...getDefaultEnvironment(), WASI_MCP_CACHE_DIR: CACHE_DIR },
});
const baseline: Command = {
  name: 'SDK stdio server (JS echo)',
  command: process.execPath,
  args: [`${ROOT}bench/baseline/echo-stdio-server.mjs`],
};

async function connect(cmd: Command): Promise<{ client: Client; startedAt: number }> {
  const startedAt = performance.now();
  const client = new Client({ name: 'bench', version: '1.0.0' });
  const { command, args, env } = cmd;
  await client.connect(new StdioClientTransport({ command, args, cwd: ROOT, stderr: 'ignore', ...(env ? { env } : {}) }));
  return { client, startedAt };
}

async function coldStart(cmd: Command): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const { client, startedAt } = await connect(cmd);
    await client.listTools();
    samples.push(performance.now() - startedAt);
    await client.close();
  }
  return round(median(samples), 1);
}

async function roundTrips(cmd: Command): Promise<LatencyStats> {
  const { client } = await connect(cmd);
  const call = () => client.callTool({ name: 'echo', arguments: { text: 'hello' } });
  for (let i = 0; i < WARMUP; i++) await call();
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    await call();
    latencies.push(performance.now() - t);
  }
  const stats = summarize(latencies, performance.now() - start);
  await client.close();
  return stats;
}

export interface NodeResults {
  calls: number;
  stdio: { baseline: LatencyStats; component: LatencyStats; ratio: { p50: number; throughput: number } };
  /** With an empty transpile cache (--no-cache). */
  coldStartMs: { baseline: number; echo: number; everything: number; 'echo-js': number };
  /** With the component already in the transpile cache. */
  cachedStartMs: { echo: number; everything: number; 'echo-js': number };
}

export async function benchNode(log: (line: string) => void): Promise<NodeResults> {
  const echo = component('echo.wasm');
  log(`node: stdio round trips, ${CALLS} sequential calls after ${WARMUP} warm-up`);
  const base = await roundTrips(baseline);
  log(`  baseline   p50 ${base.p50Ms} ms  p99 ${base.p99Ms} ms  ${base.callsPerSecond} calls/s`);
  const comp = await roundTrips(echo);
  log(`  component  p50 ${comp.p50Ms} ms  p99 ${comp.p99Ms} ms  ${comp.callsPerSecond} calls/s`);
  log('node: cold start to the first tools/list answer (median of 5), empty cache');
  const coldStartMs = {
    baseline: await coldStart(baseline),
    echo: await coldStart(component('echo.wasm', 'no-cache')),
    everything: await coldStart(component('everything.wasm', 'no-cache')),
    'echo-js': await coldStart(component('echo-js.wasm', 'no-cache')),
  };
  log(`  ${JSON.stringify(coldStartMs)}`);
  log('node: the same with the component in the transpile cache');
  for (const file of ['echo.wasm', 'everything.wasm', 'echo-js.wasm']) {
    const { client } = await connect(component(file)); // fills the cache, untimed
    await client.close();
  }
  const cachedStartMs = {
    echo: await coldStart(echo),
    everything: await coldStart(component('everything.wasm')),
    'echo-js': await coldStart(component('echo-js.wasm')),
  };
  log(`  ${JSON.stringify(cachedStartMs)}`);
  rmSync(CACHE_DIR, { recursive: true, force: true });
  return {
    calls: CALLS,
    stdio: {
      baseline: base,
      component: comp,
      ratio: { p50: round(comp.p50Ms / base.p50Ms, 2), throughput: round(comp.callsPerSecond / base.callsPerSecond, 2) },
    },
    coldStartMs,
    cachedStartMs,
  };
}
