/**
 * The page side of a component Worker: take a module Worker (the one
 * started ahead of need, see idle-worker.ts) and let the control client
 * (src/worker/control-client.ts) load the component in it. Resolves with a
 * link once the component serves MCP.
 */
import { startControlledWorker, type ControlledLink, type ControlListener } from '../../worker/control-client.js';
import type { Grants, Limits } from '../../worker/protocol.js';
import { controlledWorker } from './controlled-worker.js';
import { IdleWorker } from './idle-worker.js';

/** A worker link that can also be asked for the component's memory use. */
export type BrowserWorkerLink = ControlledLink;

export type SpawnListener = ControlListener;

const idle = new IdleWorker(
  () => new Worker(new URL('../../worker/browser-entry.ts', import.meta.url), { type: 'module', name: 'wasi-mcp component' }),
);

/** Starts a component worker ahead of the first load; after that, each load leaves one waiting. */
export function prepareComponentWorker(): void {
  idle.prepare();
}

/** A component whose start (`wasi:cli/run`) takes longer than this is stopped, as the CLI does. */
const LOAD_TIMEOUT_MS = 60_000;

export function spawnComponentWorker(
  bytes: Uint8Array,
  listener: SpawnListener = {},
  grants?: Grants,
  limits?: Limits,
): Promise<BrowserWorkerLink> {
  const channel = new MessageChannel();
  const started = startControlledWorker({
    worker: controlledWorker(idle.take()),
    channel: { local: channel.port1, remote: channel.port2 },
    bytes,
    loadTimeoutMs: LOAD_TIMEOUT_MS,
    listener,
    ...(grants ? { grants } : {}),
    ...(limits ? { limits } : {}),
  });
  // The next load finds a worker waiting, started once this one no longer competes for the cores.
  const prepare = () => idle.prepare();
  void started.then(prepare, prepare);
  return started;
}
