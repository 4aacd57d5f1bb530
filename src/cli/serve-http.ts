/**
 * `wasi-mcp serve <file> --http <port>`: Streamable HTTP on 127.0.0.1/mcp,
 * any number of clients at once, of either protocol era. A request carrying
 * the 2026-07-28 `_meta` envelope is served statelessly by one shared worker
 * (modern-http.ts); a 2025-era client opens a stateful session.
 *
 * One component worker per session. A shared worker would make
 * one client's runaway call (--timeout terminates the worker) or trap cost
 * every other client its pending requests, and would let sessions see each
 * other's component state (subscriptions, counters) and WASI state, which is
 * module-global in the shim. Per-session workers reuse SupervisedTransport
 * and serveInWorker unchanged; the price is memory per session and a load per
 * session, hidden by one warm spare (workers.ts).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isInitializeRequest, isLegacyRequest, ProtocolErrorCode } from '@modelcontextprotocol/server';
import { NodeStreamableHTTPServerTransport } from '@modelcontextprotocol/node';
import { describeError } from '../host/index.js';
import type { Common } from './args.js';
import { note } from './diagnostics.js';
import { CliError, EXIT, loadError, type ExitCode } from './exit-codes.js';
import { idOf } from '../transport/screen.js';
import { applyCors } from './http-cors.js';
import { allowedHost, allowedOrigin, HttpFailure, readJsonBody, screenBody, sendError } from './http-guard.js';
import { Sessions, type Session } from './http-sessions.js';
import { ModernEndpoint } from './modern-http.js';
import { Pipe } from './pipe.js';
import { sandboxOf } from './sandbox.js';
import { readStateKey, STATE_KEY_ENV } from './state-key.js';
import { supervise } from './supervise.js';
import { WarmWorkers, workerFactory } from './workers.js';

const HOST = '127.0.0.1';
const PATH = '/mcp';

export interface HttpOptions {
  port: number;
  sessionIdleMs: number;
  maxSessions: number;
  /** Origins whose browser pages may call the server (CORS); each also passes the Origin check. */
  allowOrigins: readonly string[];
  /** Where the requestState signing key is (state-key.ts); else $WASI_MCP_STATE_KEY, else a random key. */
  stateKeyFile?: string;
}

export async function serveHttp(command: Common, options: HttpOptions, bytes: Uint8Array): Promise<ExitCode> {
  const stateKey = await readStateKey(options.stateKeyFile, process.env[STATE_KEY_ENV]);
  const sandbox = await sandboxOf(command);
  const workers = new WarmWorkers(workerFactory({ bytes, sandbox, timeoutMs: command.timeoutMs, cache: command.cache }));
  const spawnModern = workerFactory({
    bytes,
    sandbox,
    timeoutMs: command.timeoutMs,
    cache: command.cache,
    serve: 'http',
    ...(stateKey === undefined ? {} : { stateKey }),
  });
  try {
    // A bad component fails here, before we listen; the loaded worker becomes the first session's.
    await workers.prime();
  } catch (e) {
    workers.close();
    throw loadError(e, command.file);
  }
  const sessions = new Sessions(options.sessionIdleMs, (session) => {
    note(`${session.who}: idle for ${options.sessionIdleMs} ms, closing it`);
    void session.pipe.close();
  });
  let opened = 0;
  let opening = 0;
  const modernLabel = { current: 'component (2026-07-28)' };
  const modern = new ModernEndpoint({
    spawn: () => spawnModern(modernLabel),
    timeoutMs: command.timeoutMs,
    note,
  });

  const openSession = async (): Promise<Session> => {
    const who = `session ${++opened}`;
    const supervised = supervise(() => workers.take(`${who} component`), command.timeoutMs, who);
    const http = new NodeStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.add(id, session);
        note(`${who}: opened (${id})`);
      },
    });
    const pipe = new Pipe(http, supervised.transport, {
      onclose: () => {
        if (http.sessionId !== undefined) sessions.delete(http.sessionId);
        note(`${who}: closed`);
      },
      onerror: (e) => note(`${who}: ${e.message}`),
    });
    const session: Session = { who, http, pipe, active: 0, lastSeen: Date.now() };
    await pipe.start();
    return session;
  };

  const corsOrigins = new Set(options.allowOrigins);
  const route = async (req: IncomingMessage, res: ServerResponse, port: number): Promise<void> => {
    if (!allowedHost(req.headers.host, port)) {
      return sendError(res, 403, ProtocolErrorCode.InvalidRequest, `Forbidden: Host ${req.headers.host ?? '(none)'} is not this server`);
    }
    const origin = req.headers.origin;
    if (!allowedOrigin(origin) && !(origin !== undefined && corsOrigins.has(origin))) {
      return sendError(res, 403, ProtocolErrorCode.InvalidRequest, `Forbidden: Origin ${origin} is not a local origin nor one --allow-origin names`);
    }
    if (applyCors(req, res, corsOrigins)) return;
    if (new URL(req.url ?? '/', `http://${HOST}`).pathname !== PATH) {
      return sendError(res, 404, ProtocolErrorCode.InvalidRequest, `Not found: the MCP endpoint is ${PATH}`);
    }
    const sessionId = req.headers['mcp-session-id'];
    if (typeof sessionId === 'string') {
      const session = sessions.get(sessionId);
      if (!session) return sendError(res, 404, -32001, 'Session not found');
      // A body is screened here too (size, nesting, shape) before the session's transport parses it.
      const body = req.method === 'POST' ? await readJsonBody(req) : undefined;
      if (body !== undefined) screenBody(body);
      if (isInitializeRequest(body)) {
        return sendError(res, 400, ProtocolErrorCode.InvalidRequest, 'Invalid Request: this session is initialized already', idOf(body));
      }
      sessions.track(session, res);
      return session.http.handleRequest(req, res, body);
    }
    if (req.method !== 'POST') return sendError(res, 400, -32000, 'Bad Request: no valid session ID provided');
    const body = await readJsonBody(req);
    const url = `http://${HOST}:${port}${PATH}`;
    const headers = headersOf(req);
    if (!(await isLegacyRequest(new Request(url, { method: 'POST', headers }), body))) {
      return modern.handle(req, res, url, headers, body);
    }
    screenBody(body);
    if (!isInitializeRequest(body)) return sendError(res, 400, -32000, 'Bad Request: no valid session ID provided');
    // Each session holds a component: a client that opens them without end must not exhaust memory.
    if (sessions.size + opening >= options.maxSessions) {
      res.setHeader('retry-after', '5');
      return sendError(res, 503, ProtocolErrorCode.InternalError, `Service unavailable: ${options.maxSessions} sessions are open (--max-sessions); close one, or retry later`);
    }
    // Counted from here until the session is registered (or refused), so a burst cannot pass the limit.
    opening += 1;
    try {
      let session: Session;
      try {
        session = await openSession();
      } catch (e) {
        return sendError(res, 503, ProtocolErrorCode.InternalError, `the component could not be started: ${describeError(e)}`);
      }
      sessions.track(session, res);
      await session.http.handleRequest(req, res, body);
      // An initialize the transport refused leaves a session nobody can reach: free its worker.
      if (session.http.sessionId === undefined) await session.pipe.close();
    } finally {
      opening -= 1;
    }
  };

  const server = createServer();
  const port = await listen(server, options.port);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res, port).catch((e: unknown) => {
      if (e instanceof HttpFailure) return sendError(res, e.status, e.rpcCode, e.message, e.id, e.status === 413 ? 'MESSAGE_TOO_LARGE' : undefined);
      note(`http: ${describeError(e)}`);
      sendError(res, 500, ProtocolErrorCode.InternalError, `Internal error: ${describeError(e)}`);
    });
  });
  note(`serving ${command.file} at http://${HOST}:${port}${PATH}`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  workers.close();
  await Promise.all([sessions.closeAll(), modern.close()]);
  server.closeAllConnections();
  server.close();
  return EXIT.OK;
}

function headersOf(req: IncomingMessage): [string, string][] {
  return Object.entries(req.headers).flatMap(([name, value]) =>
    value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v]),
  );
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(new CliError(EXIT.RUNTIME, 'LISTEN_FAILED', `cannot listen on ${HOST}:${port}: ${e.code ?? e.message}`)),
    );
    server.listen(port, HOST, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}
