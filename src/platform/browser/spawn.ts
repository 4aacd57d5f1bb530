/**
 * The page side of a component Worker (issue #3): start a module Worker, hand
 * it a copy of the component bytes (transferred; the caller keeps the original
 * for restarts) and one end of a MessageChannel, and report what the control
 * channel says. Resolves with a WorkerLink once the component serves MCP.
 */
import type { WireError } from '../../host/errors.js';
import type { WorkerLink } from '../../transport/supervised.js';
import { FromWorkerSchema, type FromWorker, type Grants, type ToWorker } from '../../worker/protocol.js';

export type ReadyMessage = Extract<FromWorker, { type: 'ready' }>;
export type StageMessage = Extract<FromWorker, { type: 'stage' }>;
export type OutputMessage = Extract<FromWorker, { type: 'output' }>;

export interface SpawnListener {
  onStage?(message: StageMessage): void;
  onOutput?(message: OutputMessage): void;
  onReady?(message: ReadyMessage): void;
}

function crashed(message: string): WireError {
  return { code: 'WORKER_CRASHED', message };
}

export function spawnComponentWorker(bytes: Uint8Array, listener: SpawnListener = {}, grants?: Grants): Promise<WorkerLink> {
  return new Promise<WorkerLink>((resolve, reject) => {
    const worker = new Worker(new URL('../../worker/browser-entry.ts', import.meta.url), {
      type: 'module',
      name: 'wasi-mcp component',
    });
    const channel = new MessageChannel();
    let link: WorkerLink | undefined;
    let settled = false;

    const fail = (error: WireError) => {
      worker.terminate();
      channel.port1.close();
      if (!settled) {
        settled = true;
        reject(error);
      } else {
        link?.onexit?.(error);
      }
    };

    worker.addEventListener('message', (event: MessageEvent) => {
      const parsed = FromWorkerSchema.safeParse(event.data);
      if (!parsed.success) {
        fail(crashed(`the worker sent a malformed control message: ${parsed.error.message}`));
        return;
      }
      const message = parsed.data;
      switch (message.type) {
        case 'stage':
          listener.onStage?.(message);
          break;
        case 'output':
          listener.onOutput?.(message);
          break;
        case 'ready':
          listener.onReady?.(message);
          link = { port: channel.port1, terminate: () => worker.terminate() };
          settled = true;
          resolve(link);
          break;
        case 'error':
          fail(message.error);
          break;
      }
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      fail(crashed(`the component worker stopped: ${event.message || 'it could not start or was killed'}`));
    });
    worker.addEventListener('messageerror', () => fail(crashed('the component worker sent a message that could not be read')));

    const copy = bytes.slice().buffer;
    const load: ToWorker = { type: 'load', bytes: copy, port: channel.port2, ...(grants ? { grants } : {}) };
    worker.postMessage(load, [copy, channel.port2]);
  });
}
