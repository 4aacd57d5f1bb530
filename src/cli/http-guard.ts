/**
 * What the HTTP server checks before a request reaches the SDK transport:
 * DNS-rebinding protection (the Host must be this loopback address and port;
 * an Origin, when sent, must be a loopback origin or one --allow-origin names,
 * see http-cors.ts), the path, and the body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { IdScanner } from '../transport/id-scan.js';
import { MAX_DEPTH, nestsDeeperThan } from '../transport/depth.js';
import { idOf, screenValue } from '../transport/screen.js';

/** The SDK transport reads up to 4 MiB; so do we. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function allowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  return [...LOOPBACK_HOSTNAMES].some((name) => host.toLowerCase() === `${name}:${port}`);
}

/** A browser page from a foreign site must not drive the server; local tools (any port) may. */
export function allowedOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTNAMES.has(url.hostname);
  } catch {
    return false;
  }
}

export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly rpcCode: number,
    message: string,
    /** The request's id, when it could be read: the answer then names it. */
    readonly id: string | number | null = null,
  ) {
    super(message);
  }
}

/**
 * How much of a body over the limit is still read (and thrown away) before
 * the connection is cut: reading it to its end lets the client receive the
 * 413 and its request's id instead of a reset connection.
 */
const DRAIN_BYTES = 16 * MAX_BODY_BYTES;

/** Reads and parses a JSON body; a body too large or not JSON is an HttpFailure. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  let oversized: IdScanner | undefined;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (oversized) {
      oversized.feed(buffer);
      if (size > DRAIN_BYTES) break;
      continue;
    }
    if (size > MAX_BODY_BYTES) {
      oversized = new IdScanner();
      for (const part of [...chunks, buffer]) oversized.feed(part);
      chunks.length = 0;
      continue;
    }
    chunks.push(buffer);
  }
  if (oversized) {
    throw new HttpFailure(413, -32600, `Payload too large: the body is ${size > DRAIN_BYTES ? 'over ' : ''}${size} bytes; the limit is ${MAX_BODY_BYTES}`, oversized.id ?? null);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpFailure(400, -32700, 'Parse error: the body is not JSON');
  }
  if (nestsDeeperThan(body)) throw new HttpFailure(400, -32600, `Invalid Request: the message nests deeper than ${MAX_DEPTH} levels`, idOf(body));
  return body;
}

/**
 * Holds an HTTP body to the rules a stdio line meets (screen.ts), so that an
 * invalid request is answered under its own id (the SDK's HTTP transport
 * answers such a body with id null, which no client can match).
 */
export function screenBody(body: unknown): void {
  const screened = screenValue(body);
  if (screened.ok) return;
  const error = screened.reply?.error;
  throw new HttpFailure(400, error?.code ?? -32600, error?.message ?? 'Invalid Request: not a valid JSON-RPC message', screened.reply?.id ?? null);
}

/** The text of a JSON-RPC error response; `code` is the host's own error code, in `data`. */
export function errorBody(id: string | number | null, rpcCode: number, message: string, code?: string): string {
  return JSON.stringify({ jsonrpc: '2.0', id, error: { code: rpcCode, message, ...(code ? { data: { code } } : {}) } });
}

/**
 * A JSON-RPC error as the whole HTTP answer; with no id unless given, as the
 * SDK's transport answers transport-level failures.
 */
export function sendError(res: ServerResponse, status: number, rpcCode: number, message: string, id: string | number | null = null, code?: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(errorBody(id, rpcCode, message, code));
}
