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
const ROUNDS = 5;
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

/** Sequential echo calls on a connected client: each call's latency, and the wall time of them all. */
async function timeCalls(client: Client, calls: number): Promise<{ latencies: number[]; totalMs: number }> {
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await client.callTool({ name: 'echo', arguments: { text: 'hello' } });
    latencies.push(performance.now() - t);
  }
  return { latencies, totalMs: performance.now() - start };
}

/**
 * Both servers connected and warmed up, then ROUNDS rounds that each time
 * one then the other in turn (the order alternates). A slow spell of the
 * machine falls on one round of both sides instead of on one side's whole
 * run; the ratio reported is the median of the rounds' ratios.
 */
async function roundTrips(first: Command, second: Command): Promise<{ first: LatencyStats; second: LatencyStats; p50Ratios: number[] }> {
  const clients = [(await connect(first)).client, (await connect(second)).client];
  for (const client of clients) await timeCalls(client, WARMUP);
  const all = [{ latencies: [] as number[], totalMs: 0 }, { latencies: [] as number[], totalMs: 0 }];
  const p50Ratios: number[] = [];
  const perRound = Math.ceil(CALLS / ROUNDS);
  for (let r = 0; r < ROUNDS; r++) {
    const p50s = [0, 0];
    for (const side of r % 2 === 0 ? [0, 1] : [1, 0]) {
      const { latencies, totalMs } = await timeCalls(clients[side], perRound);
      all[side].latencies.push(...latencies);
      all[side].totalMs += totalMs;
      p50s[side] = median(latencies);
    }
    p50Ratios.push(round(p50s[1] / p50s[0], 2));
  }
  for (const client of clients) await client.close();
  return { first: summarize(all[0].latencies, all[0].totalMs), second: summarize(all[1].latencies, all[1].totalMs), p50Ratios };
}

export interface NodeResults {
  calls: number;
  stdio: { baseline: LatencyStats; component: LatencyStats; ratio: { p50: number; p50Rounds: number[]; throughput: number } };
  /** With an empty transpile cache (--no-cache). */
  coldStartMs: { baseline: number; echo: number; everything: number; 'echo-js': number };
  /** With the component already in the transpile cache. */
  cachedStartMs: { echo: number; everything: number; 'echo-js': number };
}

export async function benchNode(log: (line: string) => void): Promise<NodeResults> {
  const echo = component('echo.wasm');
  log(`node: stdio round trips, ${CALLS} sequential calls each in ${ROUNDS} interleaved rounds, after ${WARMUP} warm-up`);
  const { first: base, second: comp, p50Ratios } = await roundTrips(baseline, echo);
  log(`  baseline   p50 ${base.p50Ms} ms  p99 ${base.p99Ms} ms  ${base.callsPerSecond} calls/s`);
  log(`  component  p50 ${comp.p50Ms} ms  p99 ${comp.p99Ms} ms  ${comp.callsPerSecond} calls/s`);
  log(`  p50 ratio by round ${p50Ratios.join(' / ')}`);
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
      ratio: { p50: median(p50Ratios), p50Rounds: p50Ratios, throughput: round(comp.callsPerSecond / base.callsPerSecond, 2) },
    },
    coldStartMs,
    cachedStartMs,
  };
}
