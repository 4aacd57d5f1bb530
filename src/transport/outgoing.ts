/**
 * The size limit on messages a transport sends (oversized
 * messages get a specific error). The receiving side of stdio already refuses
 * lines over MAX_MESSAGE_BYTES (screen.ts); this is the sending side, for every
 * transport, so that the error is given where the message is made and names
 * the request it belongs to:
 * - a response too large (a component's huge tool result) is replaced by an
 *   error response for the same request;
 * - a request too large is answered on the spot by an error response that the
 *   transport delivers to its own side, as if the peer had sent it, so that
 *   whoever tracks the request (the SDK, a supervisor's deadline) settles it;
 * - a notification too large is dropped and reported.
 */
import { INTERNAL_ERROR, INVALID_REQUEST } from '../host/rpc-codes.js';
import type { JSONRPCErrorResponse, JSONRPCMessage } from '@modelcontextprotocol/client';
import { isRequest, isResponse } from './kinds.js';
import { MAX_MESSAGE_BYTES } from './screen.js';

export type Outgoing =
  | { ok: true; text: string }
  | { ok: false; problem: string; reply?: JSONRPCErrorResponse };

const tooLarge = (length: number, maxBytes: number) =>
  `it is ${length} characters of JSON; a message may have at most ${maxBytes}`;

export function fitOutgoing(message: JSONRPCMessage, maxBytes = MAX_MESSAGE_BYTES): Outgoing {
  const text = JSON.stringify(message);
  // Length in UTF-16 units bounds the UTF-8 size from below, as on the receiving side.
  if (text.length <= maxBytes) return { ok: true, text };
  const why = tooLarge(text.length, maxBytes);
  const data = { code: 'MESSAGE_TOO_LARGE', length: text.length, limit: maxBytes };
  if (isResponse(message)) {
    const error: JSONRPCErrorResponse = {
      jsonrpc: '2.0',
      ...(message.id === undefined ? {} : { id: message.id }),
      error: { code: INTERNAL_ERROR, message: `The response is too large to send: ${why}`, data },
    };
    return { ok: true, text: JSON.stringify(error) };
  }
  if (isRequest(message)) {
    return {
      ok: false,
      problem: `${message.method} request not sent: ${why}`,
      reply: {
        jsonrpc: '2.0',
        id: message.id,
        error: { code: INVALID_REQUEST, message: `The ${message.method} request is too large to send: ${why}`, data },
      },
    };
  }
  return { ok: false, problem: `${message.method} notification not sent: ${why}` };
}
