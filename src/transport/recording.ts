/**
 * A Transport decorator that records every message in both directions (issue
 * #3, history timeline) and lets a console send raw JSON-RPC past the SDK
 * Client on the same connection. The answer to a raw request goes back to the
 * console, never to the Client, which did not send it.
 */
import type { Transport, TransportSendOptions, JSONRPCMessage, JSONRPCRequest, MessageExtraInfo, RequestId } from '@modelcontextprotocol/client';
import { isErrorResponse, isNotification, isRequest, isResponse } from './kinds.js';
import { requestKey } from './request-key.js';

export type Direction = 'out' | 'in';
export type MessageKind = 'request' | 'notification' | 'result' | 'error';

export interface Recorded {
  direction: Direction;
  kind: MessageKind;
  message: JSONRPCMessage;
  /** The method of a request or notification, or of the request a response answers. */
  method: string | undefined;
  /** What the request is about (a tool or prompt name, a resource URI), for a response too. */
  subject?: string;
  id: RequestId | undefined;
  /** UTF-8 bytes of the JSON text. */
  size: number;
  /** Epoch milliseconds. */
  time: number;
  /** For a response: milliseconds since its request was sent. */
  rttMs?: number;
  /** True for messages sent past the SDK Client (the console, task calls) or the answers to them. */
  raw: boolean;
}

export interface RecordingOptions {
  onRecord(record: Recorded): void;
  /** Epoch milliseconds with sub-millisecond precision. */
  now?: () => number;
}

interface InFlight {
  method: string;
  subject: string | undefined;
  sentAt: number;
}

/** The tool or prompt a request names, or the resource it reads or watches. */
function subjectOf(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const { name, uri } = params as { name?: unknown; uri?: unknown };
  return typeof name === 'string' ? name : typeof uri === 'string' ? uri : undefined;
}

const encoder = new TextEncoder();

export function kindOf(message: JSONRPCMessage): MessageKind {
  if (isRequest(message)) return 'request';
  if (isNotification(message)) return 'notification';
  if (isErrorResponse(message)) return 'error';
  return 'result';
}

function idOf(message: JSONRPCMessage): RequestId | undefined {
  return 'id' in message ? (message.id as RequestId | undefined) : undefined;
}

export class RecordingTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;

  readonly #inner: Transport;
  readonly #options: RecordingOptions;
  readonly #now: () => number;
  /** Requests sent to the server, and requests the server sent to us. */
  readonly #outgoing = new Map<string, InFlight>();
  readonly #incoming = new Map<string, InFlight>();
  readonly #raw = new Map<string, { resolve(m: JSONRPCMessage): void; reject(e: Error): void }>();

  constructor(inner: Transport, options: RecordingOptions) {
    this.#inner = inner;
    this.#options = options;
    this.#now = options.now ?? (() => performance.timeOrigin + performance.now());
  }

  async start(): Promise<void> {
    this.#inner.onmessage = (message, extra) => this.#receive(message, extra);
    this.#inner.onerror = (error) => this.onerror?.(error);
    this.#inner.onclose = () => {
      for (const pending of this.#raw.values()) pending.reject(new Error('the connection closed before the answer came'));
      this.#raw.clear();
      this.onclose?.();
    };
    await this.#inner.start();
  }

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    this.#record('out', message, false);
    await this.#inner.send(message, options);
  }

  async close(): Promise<void> {
    await this.#inner.close();
  }

  /** The SDK Client's negotiated version, for a transport that sends it on every request (HTTP). */
  setProtocolVersion(version: string): void {
    this.#inner.setProtocolVersion?.(version);
  }

  /** Requests in flight from this side: a raw request must not reuse one of their ids. */
  isInFlight(id: RequestId): boolean {
    return this.#outgoing.has(requestKey(id));
  }

  /**
   * Sends a message the caller wrote by hand. Resolves with the answer to a
   * request, or with undefined once a notification is sent.
   */
  async sendRaw(message: JSONRPCMessage): Promise<JSONRPCMessage | undefined> {
    if (!isRequest(message)) {
      if (!isNotification(message)) throw new Error('only requests and notifications can be sent from here');
      this.#record('out', message, true);
      await this.#inner.send(message);
      return undefined;
    }
    return this.#sendRawRequest(message);
  }

  #sendRawRequest(message: JSONRPCRequest): Promise<JSONRPCMessage> {
    const k = requestKey(message.id);
    if (this.#outgoing.has(k)) {
      return Promise.reject(new Error(`id ${JSON.stringify(message.id)} is already in flight; choose another id`));
    }
    const answer = new Promise<JSONRPCMessage>((resolve, reject) => this.#raw.set(k, { resolve, reject }));
    this.#record('out', message, true);
    this.#inner.send(message).catch((e: unknown) => {
      this.#outgoing.delete(k);
      this.#raw.get(k)?.reject(e instanceof Error ? e : new Error(String(e)));
      this.#raw.delete(k);
    });
    return answer;
  }

  #receive(message: JSONRPCMessage, extra: MessageExtraInfo | undefined): void {
    const id = idOf(message);
    const raw = id !== undefined && kindOf(message) !== 'request' && this.#raw.has(requestKey(id));
    this.#record('in', message, raw);
    if (raw) {
      const pending = this.#raw.get(requestKey(id!))!;
      this.#raw.delete(requestKey(id!));
      pending.resolve(message);
      return;
    }
    this.onmessage?.(message, extra);
  }

  #record(direction: Direction, message: JSONRPCMessage, raw: boolean): void {
    const time = this.#now();
    const kind = kindOf(message);
    const id = idOf(message);
    const text = JSON.stringify(message);
    const mine = direction === 'out' ? this.#outgoing : this.#incoming;
    const theirs = direction === 'out' ? this.#incoming : this.#outgoing;
    let method: string | undefined;
    let subject: string | undefined;
    let rttMs: number | undefined;
    if (isRequest(message) || isNotification(message)) {
      method = message.method;
      subject = isRequest(message) ? subjectOf(message.params) : undefined;
      if (isRequest(message)) mine.set(requestKey(message.id), { method, subject, sentAt: time });
      // A cancelled request is never answered: it is no longer in flight.
      const cancelled = method === 'notifications/cancelled' ? (message.params as { requestId?: RequestId } | undefined)?.requestId : undefined;
      if (cancelled !== undefined) mine.delete(requestKey(cancelled));
    } else if (isResponse(message) && id !== undefined) {
      const request = theirs.get(requestKey(id));
      if (request) {
        theirs.delete(requestKey(id));
        method = request.method;
        subject = request.subject;
        rttMs = time - request.sentAt;
      }
    }
    this.#options.onRecord({
      direction,
      kind,
      message,
      method,
      ...(subject === undefined ? {} : { subject }),
      id,
      size: encoder.encode(text).length,
      time,
      ...(rttMs === undefined ? {} : { rttMs }),
      raw,
    });
  }
}
