/**
 * Serves a component on one long-lived connection (a MessagePort, a stdio
 * pipe, an in-memory pair): the connection's first message decides its
 * protocol era (an `initialize` opens 2025, a request carrying the
 * 2026-07-28 `_meta` envelope, or a `server/discover` probe followed by one,
 * opens 2026-07-28), and one Server instance serves it from then on. The
 * SDK's `serveStdio` entry does the deciding; it takes any transport.
 */
import type { Transport } from '@modelcontextprotocol/server';
import { serveStdio, type StdioServerHandle } from '@modelcontextprotocol/server/stdio';
import type { ComponentHost } from './component.js';
import { createServerFactory, type ServerFactoryOptions } from './server.js';

export type Connection = StdioServerHandle;

export function serveConnection(host: ComponentHost, transport: Transport, options: Omit<ServerFactoryOptions, 'connection'> = {}): Connection {
  return serveStdio(createServerFactory(host, { ...options, connection: true }), { transport });
}
