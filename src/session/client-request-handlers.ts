import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/client';
import type { Client, ClientCapabilities, CreateMessageRequestParams, CreateMessageResult, ElicitRequestParams, ElicitResult, RequestId } from '@modelcontextprotocol/client';
import type { ClientRequestsStore } from './client-requests.js';

/**
 * No `sampling.tools`: a person types plain text, not tool calls. Roots come from the list the
 * person edits (roots.ts), which says when it changes.
 */
export const CLIENT_REQUEST_CAPABILITIES: ClientCapabilities = { sampling: {}, elicitation: { form: {}, url: {} }, roots: { listChanged: true } };

/** Puts a sampling request to the person; `asked` names who asked (a JSON-RPC id, a task id). */
export function askSampling(store: ClientRequestsStore, params: CreateMessageRequestParams, asked: RequestId, signal?: AbortSignal): Promise<CreateMessageResult> {
  // The specification says a client that did not declare sampling.tools must refuse tools.
  if (params.tools || params.toolChoice) {
    return Promise.reject(new ProtocolError(ProtocolErrorCode.InvalidParams, 'this client does not support tools in sampling requests'));
  }
  return store.ask('sampling', params, asked, signal);
}

/** Puts an elicitation to the person: a form, or a link to open (URL mode). */
export function askElicitation(store: ClientRequestsStore, params: ElicitRequestParams, asked: RequestId, signal?: AbortSignal): Promise<ElicitResult> {
  if (params.mode === 'url') return store.ask('url', params, asked, signal);
  return store.ask('elicitation', params, asked, signal);
}

export function answerClientRequests(client: Client, store: ClientRequestsStore): void {
  client.setRequestHandler('sampling/createMessage', (request, ctx) => askSampling(store, request.params, ctx.mcpReq.id, ctx.mcpReq.signal));
  client.setRequestHandler('elicitation/create', (request, ctx) => askElicitation(store, request.params, ctx.mcpReq.id, ctx.mcpReq.signal));
}
