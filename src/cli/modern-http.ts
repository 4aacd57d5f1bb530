/**
 * `wasi-mcp serve --http` for MCP 2026-07-28 clients: stateless requests,
 * each an HTTP exchange the component's worker answers with the SDK's
 * handler (src/worker/modern-http.ts); this side moves bytes and keeps the
 * worker in check. One worker serves every 2026 client (the revision has no
 * sessions, so there is nothing to keep apart, and a retry that continues
 * an input_required round must reach the process that holds its call).
 *
 * Every exchange has a deadline (a component call's counts from when the
 * calls sent before it finished), paused while the component holds a call
 * between rounds (it runs one handler at a time). An exchange past its
 * deadline gets a JSON-RPC error, the worker is replaced, and the other
 * open exchanges end with an error too (listen streams simply close; their
 * clients listen again). Restarts in a row with no exchange finishing
 * between them are a crash loop: the endpoint stops serving.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProtocolErrorCode } from '@modelcontextprotocol/server';
import { toWireError, type ErrorReport } from '../host/index.js';
import { REQUEST_TIMEOUT } from '../host/rpc-codes.js';
import { runsInComponent } from '../transport/component-calls.js';
import type { SpawnedWorker } from '../platform/node/spawn.js';
import { FromBridgeSchema, type ToBridge } from '../worker/http-bridge.js';
import { errorBody, sendError } from './http-guard.js';

interface Exchange {
  res: ServerResponse;
  /** The JSON-RPC id of the request, for an error answer the host writes itself. */
  rpcId: string | number | null;
  /** A subscriptions/listen stream: open as long as the client listens, so no deadline. */
  listen: boolean;
  /** A call the component handles: it waits behind the ones sent before it (component-calls.ts). */
  component: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

type State = 'starting' | 'ready' | 'stopped';

export interface ModernEndpointOptions {
  spawn(): Promise<SpawnedWorker>;
  timeoutMs: number;
  maxRestarts: number;
  note(line: string): void;
}

export class ModernEndpoint {
  readonly #options: ModernEndpointOptions;
  readonly #exchanges = new Map<number, Exchange>();
  #worker: Promise<SpawnedWorker> | undefined;
  #state: State = 'starting';
  #held = 0;
  #next = 0;
  #failures = 0;

  /** Starts the worker at once, so the first 2026-07-28 request finds the component loaded. */
  constructor(options: ModernEndpointOptions) {
    this.#options = options;
    this.#worker = this.#start();
  }

  /** Serves one request whose body was read and parsed already. */
  handle(req: IncomingMessage, res: ServerResponse, url: string, headers: [string, string][], body: unknown): void {
    if (this.#state === 'stopped') {
      writeError(res, 503, rpcIdOf(body), ProtocolErrorCode.InternalError, 'the component stopped after failing repeatedly');
      return;
    }
    const id = ++this.#next;
    const exchange: Exchange = {
      res,
      rpcId: rpcIdOf(body),
      listen: (body as { method?: unknown } | undefined)?.method === 'subscriptions/listen',
      component: runsInComponent((body as { method?: unknown } | undefined)?.method),
      timer: undefined,
    };
    this.#exchanges.set(id, exchange);
    this.#arm(id, exchange);
    res.once('close', () => {
      if (!this.#exchanges.has(id)) return;
      this.#forget(id);
      void this.#post({ type: 'abort', id });
    });
    void this.#post({ type: 'request', id, method: req.method ?? 'POST', url, headers, body: JSON.stringify(body) });
  }

  async close(): Promise<void> {
    this.#state = 'stopped';
    for (const [id, exchange] of this.#exchanges) this.#fail(id, exchange, ProtocolErrorCode.InternalError, 'the server is shutting down');
    (await this.#worker?.catch(() => undefined))?.terminate();
  }

  async #post(message: ToBridge): Promise<void> {
    const worker = await (this.#worker ??= this.#start());
    worker.port.postMessage(message);
  }

  #start(): Promise<SpawnedWorker> {
    const started = this.#options.spawn().then((worker) => {
      worker.onexit = (reason) => {
        if (this.#worker === started) this.#restart(reason);
      };
      worker.onheld = (calls) => {
        this.#held = calls;
        for (const [id, exchange] of this.#exchanges) this.#arm(id, exchange);
      };
      worker.port.addEventListener('message', (event) => {
        if (this.#worker === started) this.#fromWorker(event.data);
      });
      worker.port.start?.();
      this.#state = 'ready';
      return worker;
    });
    started.catch((e: unknown) => {
      if (this.#worker === started) this.#restart(toWireError(e, 'WORKER_CRASHED'));
    });
    return started;
  }

  #fromWorker(data: unknown): void {
    const parsed = FromBridgeSchema.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    const exchange = this.#exchanges.get(message.id);
    if (!exchange) return;
    const { res } = exchange;
    switch (message.type) {
      case 'head':
        res.writeHead(message.status, message.headers.flat());
        return;
      case 'chunk':
        res.write(message.chunk);
        return;
      case 'end':
        this.#forget(message.id);
        this.#failures = 0;
        if (exchange.component) this.#nextInLine(message.id);
        if (res.headersSent) res.end();
        else writeError(res, 500, exchange.rpcId, ProtocolErrorCode.InternalError, 'the component answered nothing');
        return;
    }
  }

  /** Deadlines run for requests, not listen streams, and not while the component waits on a client. */
  #arm(id: number, exchange: Exchange): void {
    clearTimeout(exchange.timer);
    exchange.timer = undefined;
    if (exchange.listen || this.#held > 0) return;
    exchange.timer = setTimeout(() => {
      const reason: ErrorReport = {
        code: 'TIMED_OUT',
        message: `the request did not answer within ${this.#options.timeoutMs} ms; the component was stopped and restarted`,
      };
      this.#fail(id, exchange, REQUEST_TIMEOUT, reason.message, reason.code);
      this.#restart(reason);
    }, this.#options.timeoutMs);
  }

  /** The component finished a call: the calls sent after it now run, and their deadlines start afresh. */
  #nextInLine(finished: number): void {
    for (const [id, exchange] of this.#exchanges) {
      if (id > finished && exchange.component && exchange.timer !== undefined) this.#arm(id, exchange);
    }
  }

  #forget(id: number): void {
    clearTimeout(this.#exchanges.get(id)?.timer);
    this.#exchanges.delete(id);
  }

  #fail(id: number, exchange: Exchange, rpcCode: number, message: string, code?: string): void {
    this.#forget(id);
    if (exchange.listen) exchange.res.end();
    else writeError(exchange.res, 200, exchange.rpcId, rpcCode, message, code);
  }

  #restart(reason: ErrorReport): void {
    if (this.#state === 'stopped') return;
    const old = this.#worker;
    this.#worker = undefined;
    this.#held = 0;
    void old?.then((w) => w.terminate(), () => {});
    for (const [id, exchange] of this.#exchanges) {
      this.#fail(id, exchange, ProtocolErrorCode.InternalError, `the component was restarted while this request was open: ${reason.message}`, reason.code);
    }
    this.#failures += 1;
    if (this.#failures > this.#options.maxRestarts) {
      this.#state = 'stopped';
      this.#options.note(`http (2026-07-28): the component failed ${this.#failures} times in a row (last: ${reason.message}); not restarting it again`);
      return;
    }
    this.#options.note(`http (2026-07-28): restarting the component (${reason.code}): ${reason.message}`);
    this.#state = 'starting';
    this.#worker = this.#start();
  }
}

function rpcIdOf(body: unknown): string | number | null {
  const id = (body as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

/** A JSON-RPC error as the answer to an exchange: a JSON body, or the last event of a stream already under way. */
function writeError(res: ServerResponse, status: number, id: string | number | null, rpcCode: number, message: string, code?: string): void {
  if (!res.headersSent) {
    sendError(res, status, rpcCode, message, id, code);
  } else if (String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) {
    res.end(`event: message\ndata: ${errorBody(id, rpcCode, message, code)}\n\n`);
  } else {
    res.end();
  }
}
