/** The experiment variants and how the page runs them (see worker.ts). */
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/client/validators/cf-worker';
import { Client } from '@modelcontextprotocol/client';
import { MessagePortTransport } from '../../../src/transport/message-port.js';
import { combine, concurrent, connect, sequential, warmUp, type Run } from '../measure.js';
import type { BenchLink } from '../workers.js';
import type { RoundStats } from '../types.js';

export interface ExperimentFlags {
  noJspi?: boolean;
  lightTransport?: boolean;
}

export interface Variant {
  name: string;
  /** null: the JS baseline worker instead of a component. */
  flags: ExperimentFlags | null;
  /** The page's Client on a bare MessagePortTransport instead of the SupervisedTransport. */
  directClient?: boolean;
}

export const VARIANTS: Variant[] = [
  { name: 'baseline', flags: null },
  { name: 'component as is', flags: {} },
  { name: 'light transport', flags: { lightTransport: true } },
  { name: 'no JSPI', flags: { noJspi: true } },
  { name: 'both', flags: { lightTransport: true, noJspi: true } },
  { name: 'baseline, direct client', flags: null, directClient: true },
  { name: 'both, direct client', flags: { lightTransport: true, noJspi: true }, directClient: true },
];

export interface VariantResult {
  name: string;
  sequential: RoundStats;
  concurrent: RoundStats;
  /** Component variants: µs per host.call() of echo inside the worker (no port, no MCP). */
  directUsPerCall?: number;
  /** µs per tools/call inside the worker, SDK Client and the host's Server on an InMemoryTransport. */
  inMemoryUsPerCall?: number;
  /** The same with the baseline's Server, in the same worker: the difference is the component's share. */
  inMemoryBaselineUsPerCall?: number;
}

/** Raw postMessage round trips of JSON-RPC-sized strings: no SDK, no parsing. */
export interface Floor {
  sequential: RoundStats;
  concurrent: RoundStats;
}

let serial = 0;

function spawnExperiment(bytes: Uint8Array, flags: ExperimentFlags): Promise<BenchLink> {
  const name = `bench experiment #${++serial}`;
  const started = performance.now();
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name });
  workers.set(name, worker);
  const channel = new MessageChannel();
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<{ type: string; message?: string; suspendable?: boolean }>) => {
      if (event.data.type === 'direct') return;
      if (event.data.type !== 'ready') return reject(new Error(`experiment worker: ${event.data.message}`));
      if (flags.noJspi && event.data.suspendable) return reject(new Error('experiment worker: JSPI is still on'));
      resolve({
        name,
        port: channel.port1,
        terminate: () => worker.terminate(),
        readyMs: performance.now() - started,
        stages: {},
        arrivals: {},
        cached: undefined,
        memoryBytes: async () => undefined,
      });
    });
    const copy = bytes.slice().buffer;
    worker.postMessage({ bytes: copy, port: channel.port2, flags }, [copy, channel.port2]);
  });
}

async function directClient(link: BenchLink): Promise<Client> {
  const client = new Client({ name: 'bench', version: '1.0.0' }, { capabilities: {}, jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  await client.connect(new MessagePortTransport(link.port));
  return client;
}

export async function runVariants(
  bytes: Uint8Array,
  spawnBaseline: () => Promise<BenchLink>,
  o: { calls: number; warmup: number; inFlight: number; rounds: number },
): Promise<VariantResult[]> {
  const clients: Client[] = [];
  const links: BenchLink[] = [];
  for (const v of VARIANTS) {
    const link = v.flags === null ? await spawnBaseline() : await spawnExperiment(bytes, v.flags);
    links.push(link);
    const client = v.directClient ? await directClient(link) : await connect(link);
    await warmUp(client, o.warmup);
    clients.push(client);
  }
  const seq: Run[][] = VARIANTS.map(() => []);
  const conc: Run[][] = VARIANTS.map(() => []);
  for (let round = 0; round < o.rounds; round++) {
    for (const [i, client] of clients.entries()) seq[i].push(await sequential(client, o.calls));
    for (const [i, client] of clients.entries()) conc[i].push(await concurrent(client, o.calls, o.inFlight));
  }
  const direct: (Direct | undefined)[] = [];
  for (const [i, v] of VARIANTS.entries()) direct.push(v.flags && !v.directClient ? await directCalls(links[i], o.calls) : undefined);
  for (const client of clients) await client.close();
  for (const link of links) link.terminate();
  return VARIANTS.map((v, i) => ({
    name: v.name,
    sequential: combine(seq[i]),
    concurrent: combine(conc[i]),
    ...(direct[i] === undefined
      ? {}
      : {
          directUsPerCall: Math.round(direct[i]!.usPerCall * 10) / 10,
          inMemoryUsPerCall: Math.round(direct[i]!.inMemory * 10) / 10,
          inMemoryBaselineUsPerCall: Math.round(direct[i]!.inMemoryBaseline * 10) / 10,
        }),
  }));
}

const workers = new Map<string, Worker>();

interface Direct {
  usPerCall: number;
  inMemory: number;
  inMemoryBaseline: number;
}

function directCalls(link: BenchLink, calls: number): Promise<Direct> {
  const worker = workers.get(link.name)!;
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<{ type: string } & Direct>) => {
      if (event.data.type !== 'direct') return;
      worker.removeEventListener('message', onMessage);
      resolve(event.data);
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage({ calls });
  });
}

/** The floor: `rounds` runs of raw string round trips to pingpong-worker.ts, sequential and `inFlight` at a time. */
export async function floor(o: { calls: number; warmup: number; inFlight: number; rounds: number }): Promise<Floor> {
  const worker = new Worker(new URL('./pingpong-worker.ts', import.meta.url), { type: 'module', name: 'bench pingpong' });
  const channel = new MessageChannel();
  worker.postMessage({ port: channel.port2 }, [channel.port2]);
  const port = channel.port1;
  const waiting = new Map<number, () => void>();
  port.onmessage = (e: MessageEvent<string>) => {
    const id = Number(/"id":(\d+)/.exec(e.data)?.[1]);
    waiting.get(id)?.();
    waiting.delete(id);
  };
  let next = 0;
  const call = () =>
    new Promise<void>((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      port.postMessage(JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'echo', arguments: { text: 'hello' } } }));
    });
  const run = async (inFlight: number): Promise<Run> => {
    const latencies: number[] = [];
    let started = 0;
    const loop = async () => {
      while (started < o.calls) {
        started += 1;
        const t = performance.now();
        await call();
        latencies.push(performance.now() - t);
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: inFlight }, loop));
    return { latencies, ms: performance.now() - start };
  };
  for (let i = 0; i < o.warmup; i++) await call();
  const seq: Run[] = [];
  const conc: Run[] = [];
  for (let r = 0; r < o.rounds; r++) seq.push(await run(1));
  for (let r = 0; r < o.rounds; r++) conc.push(await run(o.inFlight));
  worker.terminate();
  return { sequential: combine(seq), concurrent: combine(conc) };
}
