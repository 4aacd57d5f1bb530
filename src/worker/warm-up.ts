/**
 * One MCP exchange through the SDK's server while a browser worker waits for
 * its component. The SDK builds the schemas of a protocol era on first use,
 * and zod compiles each parser the first time it runs: without this, a load's
 * `initialize` and first list pay for both. A throwaway Server with one tool
 * answers initialize, tools/list and tools/call on a MessageChannel inside
 * the worker, through the transport and the serving entry a component gets;
 * nothing leaves the worker.
 */
import { Server } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/server/validators/cf-worker';
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { MessagePortTransport, type PortLike } from '../transport/message-port.js';

const EXCHANGE: JSONRPCMessage[] = [
  {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'warm-up', version: '0' } },
  },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', id: 2, method: 'tools/list' },
  { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'echo', arguments: { text: 'warm' } } },
];
const ANSWERS = 3;

function warmServer(): Server {
  const server = new Server(
    { name: 'warm-up', version: '0' },
    { capabilities: { tools: {} }, jsonSchemaValidator: new CfWorkerJsonSchemaValidator() },
  );
  server.setRequestHandler('tools/list', async () => ({
    tools: [{ name: 'echo', inputSchema: { type: 'object', properties: { text: { type: 'string' } } } }],
  }));
  server.setRequestHandler('tools/call', async () => ({ content: [{ type: 'text', text: 'warm' }] }));
  return server;
}

/** Resolves with the server's answers once there are all of them and both ends are closed. */
export async function warmUp(): Promise<JSONRPCMessage[]> {
  const channel = new MessageChannel();
  const served = serveStdio(warmServer, { transport: new MessagePortTransport(channel.port2 as unknown as PortLike) });
  const client = new MessagePortTransport(channel.port1 as unknown as PortLike);
  const answers: JSONRPCMessage[] = [];
  const answered = new Promise<void>((resolve) => {
    client.onmessage = (message) => {
      answers.push(message);
      if (answers.length === ANSWERS) resolve();
    };
  });
  await client.start();
  for (const message of EXCHANGE) await client.send(message);
  await answered;
  await Promise.all([client.close(), served.close()]);
  return answers;
}
