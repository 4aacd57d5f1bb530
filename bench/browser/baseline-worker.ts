/**
 * The baseline of the browser benchmark: the echo tool of
 * examples/echo written directly in JS on the SDK's low-level Server, in a
 * module Worker, served over the same MessagePortTransport as a component.
 * The page posts one message with the port; the worker answers `ready`.
 */
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/server/validators/cf-worker';
import { Server } from '@modelcontextprotocol/server';
import { MessagePortTransport, type PortLike } from '../../src/transport/message-port.js';

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void, options?: { once: boolean }): void;
}
const scope = globalThis as unknown as WorkerScope;

const server = new Server(
  { name: 'echo-baseline', version: '1.0.0' },
  { capabilities: { tools: {} }, jsonSchemaValidator: new CfWorkerJsonSchemaValidator() },
);
server.setRequestHandler('tools/list', async () => ({
  tools: [
    {
      name: 'echo',
      description: 'Returns the text it is given',
      inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
    },
  ],
}));
server.setRequestHandler('tools/call', async (request) => ({
  content: [{ type: 'text', text: String(request.params.arguments?.text ?? '') }],
}));

scope.addEventListener(
  'message',
  (event) => {
    const { port } = event.data as { port: PortLike };
    void server.connect(new MessagePortTransport(port)).then(() => scope.postMessage({ type: 'ready' }));
  },
  { once: true },
);
