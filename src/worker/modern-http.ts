/**
 * MCP 2026-07-28 over Streamable HTTP, inside the component's worker: the
 * SDK's web-standard handler serves each request with a fresh Server from
 * the factory (one component behind them all), and the component's change
 * notifications reach every open `subscriptions/listen` stream. 2025-era
 * clients are served elsewhere (sessions, each with its own worker), so this
 * endpoint refuses them.
 *
 * The handler checks the standard headers (`Mcp-Method`, `Mcp-Name`) itself;
 * a tool call's `Mcp-Param-*` headers it checks only for servers built on its
 * own tool registry, so they are checked here (param-headers.ts) before the
 * request reaches it.
 */
import { createMcpHandler, type ServerNotification } from '@modelcontextprotocol/server';
import type { ComponentHost, ServerFactory } from '../host/index.js';
import { paramHeaderRejection } from './param-header-check.js';

export function serveModernHttp(host: ComponentHost, factory: ServerFactory): (request: Request) => Promise<Response> {
  const handler = createMcpHandler(factory, { legacy: 'reject' });
  host.onNotification((n: ServerNotification) => {
    switch (n.method) {
      case 'notifications/tools/list_changed':
        return handler.notify.toolsChanged();
      case 'notifications/prompts/list_changed':
        return handler.notify.promptsChanged();
      case 'notifications/resources/list_changed':
        return handler.notify.resourcesChanged();
      case 'notifications/resources/updated':
        return handler.notify.resourceUpdated(n.params.uri);
    }
  });
  return async (request) => (await paramHeaderRejection(host, request)) ?? handler.fetch(request);
}
