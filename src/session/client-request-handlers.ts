/**
 * What the page's Client declares and does for sampling and elicitation
 * (issue #6): it declares both (form-mode elicitation only: the page renders
 * forms, it does not open URLs), and each request waits in the session's
 * ClientRequestsStore for the person's answer.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { CreateMessageRequestSchema, ElicitRequestSchema, ErrorCode, McpError, type ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import type { ClientRequestsStore } from './client-requests.js';

/** No `sampling.tools`: a person types plain text, not tool calls. */
export const CLIENT_REQUEST_CAPABILITIES: ClientCapabilities = { sampling: {}, elicitation: { form: {} } };

export function answerClientRequests(client: Client, store: ClientRequestsStore): void {
  client.setRequestHandler(CreateMessageRequestSchema, (request, extra) => {
    // The specification says a client that did not declare sampling.tools must refuse tools.
    if (request.params.tools || request.params.toolChoice) {
      throw new McpError(ErrorCode.InvalidParams, 'this client does not support tools in sampling requests');
    }
    return store.ask('sampling', request.params, extra.requestId, extra.signal);
  });
  client.setRequestHandler(ElicitRequestSchema, (request, extra) => {
    const params = request.params;
    // The SDK refuses URL mode before this runs (it was not declared); this narrows the type.
    if (params.mode === 'url') throw new McpError(ErrorCode.InvalidParams, 'this client supports form-mode elicitation only');
    return store.ask('elicitation', params, extra.requestId, extra.signal);
  });
}
