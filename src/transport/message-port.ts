/**
 * An SDK Transport over a MessagePort (browser MessageChannel or Node
 * worker_threads): the port carries JSON-RPC only, one JSON text per
 * message (strings clone faster than objects; measured in
 * shared/notes/toolchain-facts.md). Lifecycle travels elsewhere.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** What both a DOM MessagePort and a Node worker_threads MessagePort offer. */
export interface PortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start?(): void;
  close(): void;
}

/** Parses one wire message; throws an Error that says what is wrong with it. */
export function parseMessage(data: unknown): JSONRPCMessage {
  let value: unknown = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data) as unknown;
    } catch (e) {
      throw new Error(`not JSON: ${(e as Error).message}`);
    }
  }
  const parsed = JSONRPCMessageSchema.safeParse(value);
  if (!parsed.success) throw new Error(`not a JSON-RPC 2.0 message: ${parsed.error.message}`);
  return parsed.data;
}

export class MessagePortTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  readonly #port: PortLike;
  #started = false;
  #closed = false;

  constructor(port: PortLike) {
    this.#port = port;
  }

  readonly #listener = (event: { data: unknown }): void => {
    let message: JSONRPCMessage;
    try {
      message = parseMessage(event.data);
    } catch (e) {
      this.onerror?.(e as Error);
      return;
    }
    this.onmessage?.(message);
  };

  async start(): Promise<void> {
    if (this.#started) throw new Error('MessagePortTransport already started');
    this.#started = true;
    this.#port.addEventListener('message', this.#listener);
    // A DOM MessagePort queues messages until start(); Node's starts on its own.
    this.#port.start?.();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed) throw new Error('MessagePortTransport is closed');
    this.#port.postMessage(JSON.stringify(message));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#port.removeEventListener('message', this.#listener);
    this.#port.close();
    this.onclose?.();
  }
}
