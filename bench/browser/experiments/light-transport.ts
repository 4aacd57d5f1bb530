/**
 * MessagePortTransport (src/transport/message-port.ts) with the zod parse of
 * every incoming message replaced by a structural check: JSON, an object,
 * `jsonrpc: "2.0"`, and a string `method` or an `id`. The SDK's Protocol
 * parses requests and results against their own schemas after this anyway.
 * Enough for the echo benchmark; relatedRequestId wrapping is left out.
 */
import type { Transport, JSONRPCMessage } from '@modelcontextprotocol/server';
import type { PortLike } from '../../../src/transport/message-port.js';

export function looksLikeJsonRpc(value: unknown): value is JSONRPCMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const m = value as Record<string, unknown>;
  if (m.jsonrpc !== '2.0') return false;
  if ('method' in m) return typeof m.method === 'string';
  return (typeof m.id === 'string' || typeof m.id === 'number') && ('result' in m || 'error' in m);
}

export class LightTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  readonly #port: PortLike;

  constructor(port: PortLike) {
    this.#port = port;
  }

  readonly #listener = (event: { data: unknown }): void => {
    let value: unknown;
    try {
      value = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
    } catch (e) {
      this.onerror?.(new Error(`not JSON: ${(e as Error).message}`));
      return;
    }
    if (looksLikeJsonRpc(value)) this.onmessage?.(value);
    else this.onerror?.(new Error('not a JSON-RPC 2.0 message'));
  };

  async start(): Promise<void> {
    this.#port.addEventListener('message', this.#listener);
    this.#port.start?.();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    this.#port.postMessage(JSON.stringify(message));
  }

  async close(): Promise<void> {
    this.#port.removeEventListener('message', this.#listener);
    this.#port.close();
    this.onclose?.();
  }
}
