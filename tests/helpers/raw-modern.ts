/**
 * A component served by the host core to a bare 2026-07-28 requester over the SDK's in-memory
 * transport: each request carries the per-request `_meta` envelope, and results come back as
 * they are on the wire. The SDK Client refuses results it does not know (a task, `resultType:
 * "task"`), which the tasks extension's tests need to see.
 */
import {
  InMemoryTransport,
  isJSONRPCErrorResponse,
  isJSONRPCResultResponse,
  type ClientCapabilities,
  type JSONRPCMessage,
} from '@modelcontextprotocol/client';
import type { Transport } from '@modelcontextprotocol/server';
import { ComponentHost, serveConnection, type Connection } from '../../src/host/index.js';
import { nodePlatform } from '../../src/platform/node/platform.js';
import { envelopeMeta } from './envelope.js';

export class RpcFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data: unknown,
  ) {
    super(message);
  }
}

export interface RawModern {
  host: ComponentHost;
  /** Sends a request declaring `capabilities`; resolves with its result, rejects with RpcFailure. */
  request(method: string, params: Record<string, unknown>, capabilities?: ClientCapabilities): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function connectRaw(bytes: Uint8Array, capabilities: ClientCapabilities): Promise<RawModern> {
  const host = await ComponentHost.load(bytes, { platform: await nodePlatform() });
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  const connection: Connection = serveConnection(host, serverSide as Transport);
  const waiting = new Map<number, { resolve(r: Record<string, unknown>): void; reject(e: Error): void }>();
  clientSide.onmessage = (message: JSONRPCMessage) => {
    if (!isJSONRPCResultResponse(message) && !isJSONRPCErrorResponse(message)) return;
    const pending = waiting.get(message.id as number);
    waiting.delete(message.id as number);
    if (isJSONRPCErrorResponse(message)) pending?.reject(new RpcFailure(message.error.code, message.error.message, message.error.data));
    else pending?.resolve(message.result as Record<string, unknown>);
  };
  await clientSide.start();
  let next = 0;
  return {
    host,
    request: (method, params, declared = capabilities) => {
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        void clientSide.send({ jsonrpc: '2.0', id, method, params: { ...params, _meta: envelopeMeta(declared) } });
      });
    },
    close: async () => {
      await clientSide.close();
      await connection.close();
    },
  };
}
