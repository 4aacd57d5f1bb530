/**
 * An SDK Transport for JSON-RPC as lines of text (stdio, or a test feeding
 * strings), with every incoming line screened: a line that is not a valid
 * message is answered here, and never reaches the protocol engine; what is
 * sent is held to the same size (outgoing.ts). The
 * platform feeds lines with `receive` and writes what `write` is given.
 */
import type { Transport, JSONRPCMessage } from '@modelcontextprotocol/client';
import { rawJson, textOfToken } from './exact-id.js';
import { fitOutgoing } from './outgoing.js';
import { MAX_MESSAGE_BYTES, screen } from './screen.js';

export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  readonly #write: (line: string) => void;
  readonly #maxBytes: number;
  #closed = false;

  constructor(write: (line: string) => void, maxBytes = MAX_MESSAGE_BYTES) {
    this.#write = write;
    this.#maxBytes = maxBytes;
  }

  async start(): Promise<void> {}

  /** One line of input, without its newline. Blank lines are ignored. */
  receive(line: string): void {
    if (this.#closed || line.trim() === '') return;
    const screened = screen(line, this.#maxBytes);
    if (screened.ok) this.onmessage?.(screened.message);
    else if (screened.reply) this.#write(JSON.stringify(screened.reply));
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed) throw new Error('the transport is closed');
    // An id too large for a double goes back as the digits it came as (exact-id.ts).
    const exact = 'id' in message ? textOfToken(message.id) : undefined;
    const out = fitOutgoing(exact === undefined ? message : ({ ...message, id: rawJson(exact) } as JSONRPCMessage), this.#maxBytes);
    if (out.ok) this.#write(out.text);
    else if (out.reply) {
      const reply = out.reply;
      queueMicrotask(() => this.onmessage?.(reply));
    } else this.onerror?.(new Error(out.problem));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.onclose?.();
  }
}
