/**
 * Requests an MCP App's view makes of its server, through the session's own
 * Client so that they appear in History like the person's. A view may call
 * only tools whose visibility includes "app", and only tools the server
 * listed: the host must refuse the rest (MCP Apps, "Visibility").
 */
import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/client';
import type { CallToolRequest, CallToolResult, Client, ReadResourceRequest, ReadResourceResult, RequestOptions } from '@modelcontextprotocol/client';
import { appMayCall } from './app-meta.js';
import type { CatalogStore } from './catalog.js';

export interface AppCallOptions {
  /** The deadline and the like, as the session sets them for every request. */
  requestOptions(): RequestOptions;
  /** The `_meta` the session puts on every request. */
  meta(): { _meta?: Record<string, unknown> };
}

export class AppCalls {
  readonly #client: Client;
  readonly #catalog: CatalogStore;
  readonly #options: AppCallOptions;

  constructor(client: Client, catalog: CatalogStore, options: AppCallOptions) {
    this.#client = client;
    this.#catalog = catalog;
    this.#options = options;
  }

  async callTool(params: CallToolRequest['params'], signal: AbortSignal): Promise<CallToolResult> {
    const tool = this.#catalog.value.tools.items.find((t) => t.name === params.name);
    if (!tool) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown tool: ${params.name}`);
    if (!appMayCall(tool)) {
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Tool ${params.name} is not callable by apps (its _meta.ui.visibility leaves out "app")`);
    }
    return this.#client.request(
      { method: 'tools/call', params: { name: params.name, arguments: params.arguments ?? {}, ...this.#options.meta() } },
      { ...this.#options.requestOptions(), signal },
    );
  }

  async readResource(params: ReadResourceRequest['params'], signal: AbortSignal): Promise<ReadResourceResult> {
    return this.#client.readResource({ uri: params.uri, ...this.#options.meta() }, { ...this.#options.requestOptions(), signal });
  }
}
