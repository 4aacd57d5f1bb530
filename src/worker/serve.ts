/**
 * What runs inside a worker, in the browser and under Node alike: take one
 * `load` message, load the component, and serve MCP on the given port.
 * Reports stages, output and the outcome on the control channel.
 */
import { ComponentHost, createMcpServer, toWireError, type Platform } from '../host/index.js';
import { MessagePortTransport, type PortLike } from '../transport/message-port.js';
import { ToWorkerSchema, type FromWorker } from './protocol.js';

export interface ControlEndpoint {
  post(message: FromWorker): void;
  /** Calls back once with the first message the worker receives. */
  once(listener: (data: unknown) => void): void;
}

export function serveInWorker(control: ControlEndpoint, platform: () => Promise<Platform>): void {
  control.once((data) => {
    void (async () => {
      try {
        const message = ToWorkerSchema.parse(data);
        const host = await ComponentHost.load(new Uint8Array(message.bytes), {
          platform: await platform(),
          grants: message.grants ?? {},
          onStage: (stage, ms) => control.post({ type: 'stage', stage, ms }),
          onOutput: (stream, text) => control.post({ type: 'output', stream, text }),
        });
        const server = await createMcpServer(host);
        await server.connect(new MessagePortTransport(message.port as unknown as PortLike));
        control.post({ type: 'ready', world: host.world, timings: host.timings });
      } catch (e) {
        control.post({ type: 'error', error: toWireError(e) });
      }
    })();
  });
}
