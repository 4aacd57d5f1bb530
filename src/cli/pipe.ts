/**
 * Joins the transport facing an MCP client (stdio, or one Streamable HTTP
 * session) to the transport facing the component's worker. No SDK Server in
 * between: the worker runs the Server, the main thread only relays. Order is
 * kept in each direction, and a notification the worker related to a request
 * is sent on that request's stream (what Streamable HTTP needs for progress
 * and logs raised during a call).
 */
import { CONNECTION_CLOSED } from '../host/rpc-codes.js';
import type { Transport, TransportSendOptions, JSONRPCMessage, MessageExtraInfo } from '@modelcontextprotocol/server';
import { describeError } from '../host/errors.js';
import { relatedRequestIdOf } from '../transport/message-port.js';
import { isRequest } from '../transport/kinds.js';

export interface PipeOptions {
  onclose?: () => void;
  /** Failures along the way that do not end the pipe (a send to a client that went away, ...). */
  onerror?: (error: Error) => void;
}

/** The component side: it knows which requests still await their answer (the supervisor's ledger). */
export interface ComponentSide extends Transport {
  idle(): Promise<void>;
}

export class Pipe {
  readonly #client: Transport;
  readonly #component: ComponentSide;
  readonly #options: PipeOptions;
  #toComponent: Promise<void> = Promise.resolve();
  #toClient: Promise<void> = Promise.resolve();
  #closed = false;

  /** `client` faces the MCP client; `component` faces the worker. */
  constructor(client: Transport, component: ComponentSide, options: PipeOptions = {}) {
    this.#client = client;
    this.#component = component;
    this.#options = options;
  }

  /** Starts both transports: the component side first, so a load error surfaces before any client message is read. */
  async start(): Promise<void> {
    this.#client.onmessage = (m) => this.#forwardToComponent(m);
    this.#component.onmessage = (m, extra) => this.#forwardToClient(m, extra);
    this.#client.onclose = () => void this.close();
    this.#component.onclose = () => void this.close();
    this.#client.onerror = (e) => this.#options.onerror?.(e);
    this.#component.onerror = (e) => this.#options.onerror?.(e);
    await this.#component.start();
    await this.#client.start();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.allSettled([this.#client.close(), this.#component.close()]);
    this.#options.onclose?.();
  }

  /**
   * Resolves once every client request so far has its answer written to the
   * client: the requests reach the component side, it settles them (its
   * deadline bounds that), and what it answered is written.
   */
  async drain(): Promise<void> {
    await this.#toComponent;
    await this.#component.idle();
    await this.#toClient;
  }

  #forwardToComponent(message: JSONRPCMessage): void {
    this.#toComponent = this.#toComponent.then(async () => {
      try {
        await this.#component.send(message);
      } catch (e) {
        this.#options.onerror?.(e instanceof Error ? e : new Error(describeError(e)));
        // A request must not go unanswered because the component side is gone.
        if (isRequest(message)) {
          await this.#sendToClient({
            jsonrpc: '2.0',
            id: message.id,
            error: { code: CONNECTION_CLOSED, message: `the component is not available: ${describeError(e)}` },
          });
        }
      }
    });
  }

  #forwardToClient(message: JSONRPCMessage, extra: MessageExtraInfo | undefined): void {
    const relatedRequestId = relatedRequestIdOf(extra);
    this.#toClient = this.#toClient.then(() => this.#sendToClient(message, relatedRequestId === undefined ? undefined : { relatedRequestId }));
  }

  async #sendToClient(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    try {
      await this.#client.send(message, options);
    } catch (e) {
      this.#options.onerror?.(e instanceof Error ? e : new Error(describeError(e)));
    }
  }
}

