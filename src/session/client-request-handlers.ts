import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/client';
import type { Client, ClientCapabilities } from '@modelcontextprotocol/client';
import type { ClientRequestsStore } from './client-requests.js';

/**
 * No `sampling.tools`: a person types plain text, not tool calls. Roots come from the list the
 * person edits (roots.ts), which says when it changes.
 */
export const CLIENT_REQUEST_CAPABILITIES: ClientCapabilities = { sampling: {}, elicitation: { form: {}, url: {} }, roots: { listChanged: true } };

export function answerClientRequests(client: Client, store: ClientRequestsStore): void {
  client.setRequestHandler('sampling/createMessage', (request, ctx) => {
    // The specification says a client that did not declare sampling.tools must refuse tools.
    if (request.params.tools || request.params.toolChoice) {
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'this client does not support tools in sampling requests');
    }
    return store.ask('sampling', request.params, ctx.mcpReq.id, ctx.mcpReq.signal);
  });
  client.setRequestHandler('elicitation/create', (request, ctx) => {
    const params = request.params;
    if (params.mode === 'url') return store.ask('url', params, ctx.mcpReq.id, ctx.mcpReq.signal);
    return store.ask('elicitation', params, ctx.mcpReq.id, ctx.mcpReq.signal);
  });
}
