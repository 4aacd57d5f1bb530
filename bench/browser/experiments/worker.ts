/**
 * `--experiments`: the component worker of src/worker/serve.ts, rebuilt here
 * with one hot-path change at a time switched on by the load message, so a
 * change to src/host or src/transport can be measured before anyone makes it.
 */
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/server/validators/cf-worker';
import { InMemoryTransport, Server } from '@modelcontextprotocol/server';
import { Client } from '@modelcontextprotocol/client';
import { jsonBytes } from '../../../src/host/bytes.js';
import { ComponentHost, createServerFactory, serveConnection } from '../../../src/host/index.js';
import { browserPlatform } from '../../../src/platform/browser/platform.js';
import { MessagePortTransport, type PortLike } from '../../../src/transport/message-port.js';
import { LightTransport } from './light-transport.js';
import type { ExperimentFlags } from './variants.js';

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void, options?: { once: boolean }): void;
}
const scope = globalThis as unknown as WorkerScope;

async function directCalls(host: ComponentHost, calls: number): Promise<number> {
  const context = { notify: () => {} };
  const args = jsonBytes({ text: 'hello' });
  const call = () => host.call(context, 'callTool', (h) => h.callTool('echo', args));
  for (let i = 0; i < calls; i++) await call();
  const start = performance.now();
  for (let i = 0; i < calls; i++) await call();
  return ((performance.now() - start) * 1000) / calls;
}

/** The whole MCP path inside this worker, Client and Server on InMemoryTransport: µs per tools/call. */
async function inMemoryCalls(server: Server, calls: number): Promise<number> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'bench', version: '1.0.0' }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  await client.connect(clientSide);
  const call = () => client.callTool({ name: 'echo', arguments: { text: 'hello' } });
  for (let i = 0; i < calls; i++) await call();
  const start = performance.now();
  for (let i = 0; i < calls; i++) await call();
  const us = ((performance.now() - start) * 1000) / calls;
  await client.close();
  return us;
}

/** The JS baseline's server (baseline-worker.ts), for inMemoryCalls. */
function echoServer(): Server {
  const server = new Server(
    { name: 'echo-baseline', version: '1.0.0' },
    { capabilities: { tools: {} }, jsonSchemaValidator: new CfWorkerJsonSchemaValidator() },
  );
  server.setRequestHandler('tools/list', async () => ({ tools: [] }));
  server.setRequestHandler('tools/call', async (request) => ({
    content: [{ type: 'text', text: String(request.params.arguments?.text ?? '') }],
  }));
  return server;
}

scope.addEventListener(
  'message',
  (event) => {
    const { bytes, port, flags } = event.data as { bytes: ArrayBuffer; port: PortLike; flags: ExperimentFlags };
    void (async () => {
      try {
        // Without JSPI the host transpiles in jco's sync mode (load.ts hasJspi()).
        if (flags.noJspi) for (const key of ['promising', 'Suspending']) Reflect.deleteProperty(WebAssembly, key);
        const host = await ComponentHost.load(new Uint8Array(bytes), { platform: await browserPlatform(), grants: {} });
        serveConnection(host, flags.lightTransport ? new LightTransport(port) : new MessagePortTransport(port));
        scope.postMessage({ type: 'ready', suspendable: typeof (WebAssembly as unknown as Record<string, unknown>).promising === 'function' });
        // The component's own cost, with no port and no MCP: `calls` host.call()s to echo after as many untimed.
        scope.addEventListener('message', (e) => {
          const { calls } = e.data as { calls: number };
          void (async () => {
            const usPerCall = await directCalls(host, calls);
            const inMemory = await inMemoryCalls(await createServerFactory(host, { connection: false })({ era: 'legacy' }), calls);
            const inMemoryBaseline = await inMemoryCalls(echoServer(), calls);
            scope.postMessage({ type: 'direct', usPerCall, inMemory, inMemoryBaseline });
          })();
        });
      } catch (e) {
        scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    })();
  },
  { once: true },
);
