/**
 * What runs inside a worker, in the browser and under Node alike: take one
 * `load` message, load the component, and serve MCP on the given port.
 * Reports stages, output and the outcome on the control channel, and answers
 * `stats` requests for as long as the worker lives.
 */
import { ComponentHost, createServerFactory, serveConnection, toWireError, type Platform } from '../host/index.js';
import { MessagePortTransport, type PortLike } from '../transport/message-port.js';
import { serveHttpBridge, type BridgePort } from './http-bridge.js';
import { serveModernHttp } from './modern-http.js';
import { ToWorkerSchema, type FromWorker, type ToWorker } from './protocol.js';

export interface ControlEndpoint {
  post(message: FromWorker): void;
  /** Calls back once with the next message the worker receives. */
  once(listener: (data: unknown) => void): void;
}

type LoadMessage = Extract<ToWorker, { type: 'load' }>;

/** `performance.memory` is Chromium's, on pages only; a worker may not have it. */
function heapBytes(): number | undefined {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize?: number } }).memory;
  return memory?.usedJSHeapSize;
}

export function serveInWorker(control: ControlEndpoint, platform: () => Promise<Platform>): void {
  let host: ComponentHost | undefined;
  let loading = false;

  const load = async (message: LoadMessage): Promise<void> => {
    try {
      host = await ComponentHost.load(new Uint8Array(message.bytes), {
        platform: await platform(),
        grants: message.grants ?? {},
        ...(message.limits?.memoryBytes ? { memoryLimitBytes: message.limits.memoryBytes } : {}),
        onDenied: (denial) => control.post({ type: 'denied', capability: denial.capability, detail: denial.detail }),
        onStage: (stage, ms) => control.post({ type: 'stage', stage, ms }),
        onOutput: (stream, text) => control.post({ type: 'output', stream, text }),
      });
      // The main thread hears of calls held between input_required rounds here, whatever the port
      // carries: its supervisor pauses the deadlines while the component waits on a client.
      const onHeld = (calls: number) => control.post({ type: 'held', calls });
      if (message.serve === 'http') {
        const factory = createServerFactory(host, { connection: false, onHeld, ...(message.stateKey ? { stateKey: message.stateKey } : {}) });
        serveHttpBridge(message.port as unknown as BridgePort, serveModernHttp(host, factory));
      } else {
        serveConnection(host, new MessagePortTransport(message.port as unknown as PortLike), { onHeld });
      }
      control.post({ type: 'ready', world: host.world, timings: host.timings, cached: host.cached, refused: [...(await host.refusals())] });
    } catch (e) {
      control.post({ type: 'error', error: toWireError(e) });
    }
  };

  const stats = async (): Promise<void> => {
    const memoryBytes = host ? await host.memoryBytes().catch(() => undefined) : undefined;
    const heap = heapBytes();
    control.post({
      type: 'stats',
      ...(memoryBytes === undefined ? {} : { memoryBytes }),
      ...(heap === undefined ? {} : { heapBytes: heap }),
    });
  };

  const onMessage = (data: unknown): void => {
    // The endpoint hands out one message per listener: ask for the next one first.
    control.once(onMessage);
    const parsed = ToWorkerSchema.safeParse(data);
    if (!parsed.success) {
      // Only a bad first message is an error; later noise is ignored, as a second `load` is.
      if (!loading) {
        loading = true;
        control.post({ type: 'error', error: toWireError(parsed.error) });
      }
      return;
    }
    const message = parsed.data;
    if (message.type === 'stats') {
      void stats();
    } else if (!loading) {
      loading = true;
      void load(message);
    }
  };
  control.once(onMessage);
}
