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
import { RequestLedger, type LedgerEntry } from '../transport/request-ledger.js';
import { RestartBudget } from '../transport/restart-budget.js';
import type { SpawnedWorker } from '../platform/node/spawn.js';
import { FromBridgeSchema, type ToBridge } from '../worker/http-bridge.js';
import { errorBody, sendError } from './http-guard.js';

interface Exchange {
  /** The bridge's number for it. */
  id: number;
  res: ServerResponse;
  /** The JSON-RPC id of the request, for an error answer the host writes itself. */
  rpcId: string | number | null;
}

/** The endpoint's worker: being started, serving, or given up on for good. */
type Connection =
  | { state: 'starting' | 'ready'; worker: Promise<SpawnedWorker> }
  | { state: 'stopped' };

export interface ModernEndpointOptions {
  spawn(): Promise<SpawnedWorker>;
  timeoutMs: number;
  /** Restarts in a row before the endpoint stops serving (default restart-budget.ts). */
  maxRestarts?: number;
  note(line: string): void;
}

export class ModernEndpoint {
  readonly #options: ModernEndpointOptions;
  readonly #ledger: RequestLedger<Exchange>;
  readonly #budget: RestartBudget;
  #connection: Connection;
  #next = 0;

  /** Starts the worker at once, so the first 2026-07-28 request finds the component loaded. */
  constructor(options: ModernEndpointOptions) {
    this.#options = options;
    this.#budget = new RestartBudget(options.maxRestarts);
    this.#ledger = new RequestLedger<Exchange>({ timeoutMs: options.timeoutMs, onDeadline: (entry) => this.#missedDeadline(entry) });
    this.#connection = this.#start();
  }

  /** Serves one request whose body was read and parsed already. */
  handle(req: IncomingMessage, res: ServerResponse, url: string, headers: [string, string][], body: unknown): void {
    const connection = this.#connection;
    if (connection.state === 'stopped') {
      writeError(res, 503, rpcIdOf(body), ProtocolErrorCode.InternalError, 'the component stopped after failing repeatedly');
      return;
    }
    const exchange: Exchange = { id: ++this.#next, res, rpcId: rpcIdOf(body) };
    const method = (body as { method?: unknown } | undefined)?.method;
    const key = String(exchange.id);
    // The bridge queues the exchange until the worker is up, as a connection would; its deadline runs from now.
    this.#ledger.open(key, exchange, typeof method === 'string' ? method : undefined, true);
    res.once('close', () => {
      if (!this.#ledger.forget(key)) return;
      void this.#post({ type: 'abort', id: exchange.id });
    });
    void this.#post({ type: 'request', id: exchange.id, method: req.method ?? 'POST', url, headers, body: JSON.stringify(body) });
  }

  async close(): Promise<void> {
    const connection = this.#connection;
    this.#connection = { state: 'stopped' };
    for (const entry of this.#ledger.detach()) this.#fail(entry, ProtocolErrorCode.InternalError, 'the server is shutting down');
    if (connection.state !== 'stopped') (await connection.worker.catch(() => undefined))?.terminate();
  }

  async #post(message: ToBridge): Promise<void> {
    const connection = this.#connection;
    if (connection.state === 'stopped') return;
    (await connection.worker).port.postMessage(message);
  }

  #start(): Connection {
    const worker = this.#options.spawn().then((spawned) => {
      const current = () => this.#connection.state !== 'stopped' && this.#connection.worker === worker;
      spawned.onexit = (reason) => {
        if (current()) this.#restart(reason);
      };
      spawned.onheld = (calls) => {
        if (current()) this.#ledger.setHeld(calls);
      };
      spawned.port.addEventListener('message', (event) => {
        if (current()) this.#fromWorker(event.data);
      });
      spawned.port.start?.();
      if (current()) this.#connection = { state: 'ready', worker };
      return spawned;
    });
    worker.catch((e: unknown) => {
      if (this.#connection.state !== 'stopped' && this.#connection.worker === worker) this.#restart(toWireError(e, 'WORKER_CRASHED'));
    });
    return { state: 'starting', worker };
  }

  #fromWorker(data: unknown): void {
    const parsed = FromBridgeSchema.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    const entry = this.#ledger.get(String(message.id));
    if (!entry) return;
    const { res } = entry.subject;
    switch (message.type) {
      case 'head':
        res.writeHead(message.status, message.headers.flat());
        return;
      case 'chunk':
        res.write(message.chunk);
        return;
      case 'end':
        this.#ledger.settle(entry.key);
        this.#budget.succeeded();
        if (res.headersSent) res.end();
        else writeError(res, 500, entry.subject.rpcId, ProtocolErrorCode.InternalError, 'the component answered nothing');
        return;
    }
  }

  #missedDeadline(entry: LedgerEntry<Exchange>): void {
    const reason: ErrorReport = {
      code: 'TIMED_OUT',
      message: `the request did not answer within ${this.#options.timeoutMs} ms; the component was stopped and restarted`,
    };
    this.#ledger.forget(entry.key);
    this.#fail(entry, REQUEST_TIMEOUT, reason.message, reason.code);
    this.#restart(reason);
  }

  /** Ends an exchange with a JSON-RPC error; a listen stream simply ends (its client listens again). */
  #fail(entry: LedgerEntry<Exchange>, rpcCode: number, message: string, code?: string): void {
    const { res, rpcId } = entry.subject;
    if (entry.method === 'subscriptions/listen') res.end();
    else writeError(res, 200, rpcId, rpcCode, message, code);
  }

  /** The worker is replaced; every open exchange ends with an error, since nobody knows which one ran. */
  #restart(reason: ErrorReport): void {
    const old = this.#connection;
    if (old.state === 'stopped') return;
    void old.worker.then((w) => w.terminate(), () => {});
    for (const entry of this.#ledger.detach()) {
      this.#ledger.forget(entry.key);
      this.#fail(entry, ProtocolErrorCode.InternalError, `the component was restarted while this request was open: ${reason.message}`, reason.code);
    }
    if (!this.#budget.failed()) {
      this.#connection = { state: 'stopped' };
      this.#options.note(`http (2026-07-28): the component failed ${this.#budget.failures} times in a row (last: ${reason.message}); not restarting it again`);
      return;
    }
    this.#options.note(`http (2026-07-28): restarting the component (${reason.code}): ${reason.message}`);
    this.#connection = this.#start();
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
