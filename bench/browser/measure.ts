/** Connecting a client to a worker, and timing echo round trips on it. */
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/client/validators/cf-worker';
import { Client } from '@modelcontextprotocol/client';
import { SupervisedTransport } from '../../src/transport/supervised.js';
import { summarize } from '../stats.js';
import type { BenchLink } from './workers.js';
import type { RoundStats } from './types.js';

/** The client stack of the app (src/session/server-session.ts) minus the recording decorator. */
export async function connect(link: BenchLink): Promise<Client> {
  const client = new Client({ name: 'bench', version: '1.0.0' }, { capabilities: {}, jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  // A deadline no call comes near: a restart would spoil the numbers, and none is expected.
  await client.connect(new SupervisedTransport({ spawn: async () => link, timeoutMs: 120_000, maxRestarts: 0 }));
  return client;
}

const echo = (client: Client) => client.callTool({ name: 'echo', arguments: { text: 'hello' } });

export async function warmUp(client: Client, calls: number): Promise<void> {
  for (let i = 0; i < calls; i++) await echo(client);
}

/** One timed run: each call's latency and the run's wall time. */
export interface Run {
  latencies: number[];
  ms: number;
}

export async function sequential(client: Client, calls: number): Promise<Run> {
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await echo(client);
    latencies.push(performance.now() - t);
  }
  return { latencies, ms: performance.now() - start };
}

/** `inFlight` loops that each call as soon as their previous call is answered, `calls` in all. */
export async function concurrent(client: Client, calls: number, inFlight: number): Promise<Run> {
  const latencies: number[] = [];
  let started = 0;
  const loop = async () => {
    while (started < calls) {
      started += 1;
      const t = performance.now();
      await echo(client);
      latencies.push(performance.now() - t);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, loop));
  return { latencies, ms: performance.now() - start };
}

/** The runs of several rounds as one: percentiles over every call, calls/s over the summed wall time. */
export function combine(runs: Run[]): RoundStats {
  const all = runs.flatMap((r) => r.latencies);
  return {
    ...summarize(all, runs.reduce((n, r) => n + r.ms, 0)),
    perRound: runs.map((r) => Math.round((r.latencies.length / r.ms) * 1000)),
  };
}
