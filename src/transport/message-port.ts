/**
 * An SDK Transport over a MessagePort (browser MessageChannel or Node
 * worker_threads): the port carries JSON-RPC only, one JSON text per
 * message (a string crosses a port faster than the same object, which is
 * cloned member by member). Lifecycle travels elsewhere.
 */
import { JSONRPCMessageSchema, RequestIdSchema } from '@modelcontextprotocol/core';
import type { Transport, TransportSendOptions, JSONRPCMessage, MessageExtraInfo, RequestId } from '@modelcontextprotocol/client';
import { isResponse } from './kinds.js';
import { fitOutgoing } from './outgoing.js';
import { MAX_MESSAGE_BYTES } from './screen.js';

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

/**
 * A notification (or request) that the sender's SDK related to an incoming
 * request (`relatedRequestId`, e.g. progress and log messages raised during a
 * tools/call) travels as `{ relatedRequestId, message }` so that a bridge on
 * the other side can put it on that request's Streamable HTTP stream;
 * without a relation the wire format is the plain message.
 */
export interface RelatedExtra extends MessageExtraInfo {
  relatedRequestId?: RequestId;
}

/** The request a received message relates to, if the sender said so. */
export function relatedRequestIdOf(extra: MessageExtraInfo | undefined): RequestId | undefined {
  if (extra === undefined || !('relatedRequestId' in extra)) return undefined;
  const parsed = RequestIdSchema.safeParse(extra.relatedRequestId);
  return parsed.success ? parsed.data : undefined;
}

function parseWire(data: unknown): { message: JSONRPCMessage; extra?: RelatedExtra } {
  const value: unknown = typeof data === 'string' ? parseJson(data) : data;
  if (typeof value === 'object' && value !== null && !('jsonrpc' in value) && 'relatedRequestId' in value && 'message' in value) {
    const id = RequestIdSchema.safeParse(value.relatedRequestId);
    if (!id.success) throw new Error('not a JSON-RPC 2.0 message: bad relatedRequestId');
    return { message: parseMessage(value.message), extra: { relatedRequestId: id.data } };
  }
  return { message: parseMessage(value) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`not JSON: ${(e as Error).message}`);
  }
}

export class MessagePortTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;
  readonly #port: PortLike;
  readonly #maxBytes: number;
  #started = false;
  #closed = false;

  /** `maxBytes`: the largest message sent (outgoing.ts) or taken in. */
  constructor(port: PortLike, maxBytes = MAX_MESSAGE_BYTES) {
    this.#port = port;
    this.#maxBytes = maxBytes;
  }

  readonly #listener = (event: { data: unknown }): void => {
    // Our own peers never send one (see send); a foreign one is not parsed, only reported.
    if (typeof event.data === 'string' && event.data.length > this.#maxBytes) {
      this.onerror?.(new Error(`dropped a received message of ${event.data.length} characters; the limit is ${this.#maxBytes}`));
      return;
    }
    let received: ReturnType<typeof parseWire>;
    try {
      received = parseWire(event.data);
    } catch (e) {
      this.onerror?.(e as Error);
      return;
    }
    this.onmessage?.(received.message, received.extra);
  };

  async start(): Promise<void> {
    if (this.#started) throw new Error('MessagePortTransport already started');
    this.#started = true;
    this.#port.addEventListener('message', this.#listener);
    // A DOM MessagePort queues messages until start(); Node's starts on its own.
    this.#port.start?.();
  }

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (this.#closed) throw new Error('MessagePortTransport is closed');
    const relatedRequestId = options?.relatedRequestId;
    // Written around the text, so that a message is stringified once; it counts towards the limit
    // the receiver applies to the whole text.
    const wrapper =
      relatedRequestId === undefined || isResponse(message) ? '' : `{"relatedRequestId":${JSON.stringify(relatedRequestId)},"message":`;
    const out = fitOutgoing(message, this.#maxBytes - (wrapper === '' ? 0 : wrapper.length + 1));
    if (!out.ok) {
      const reply = out.reply;
      if (reply) queueMicrotask(() => this.onmessage?.(reply));
      else this.onerror?.(new Error(out.problem));
      return;
    }
    this.#port.postMessage(wrapper === '' ? out.text : `${wrapper}${out.text}}`);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#port.removeEventListener('message', this.#listener);
    this.#port.close();
    this.onclose?.();
  }
}
