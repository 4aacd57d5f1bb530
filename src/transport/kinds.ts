/**
 * Which of JSON-RPC's four shapes a message has, for a message already known
 * to be JSON-RPC: parsed where it came in (screen.ts, `parseMessage` in
 * message-port.ts, the console's check) or built by the SDK. Each shape has a
 * member the others lack, so the members tell it; the SDK's guards
 * (`isJSONRPCRequest` and the others) parse the whole message with zod each
 * time, and a failing parse, the common case when asking, builds its issues.
 * Transports ask this several times of every message they pass on.
 */
import type {
  JSONRPCErrorResponse,
  JSONRPCMessage,
  JSONRPCNotification,
  JSONRPCRequest,
  JSONRPCResultResponse,
} from '@modelcontextprotocol/client';

export const isRequest = (message: JSONRPCMessage): message is JSONRPCRequest =>
  'method' in message && 'id' in message && message.id !== undefined;

export const isNotification = (message: JSONRPCMessage): message is JSONRPCNotification => 'method' in message && !isRequest(message);

export const isResultResponse = (message: JSONRPCMessage): message is JSONRPCResultResponse => 'result' in message;

export const isErrorResponse = (message: JSONRPCMessage): message is JSONRPCErrorResponse => 'error' in message;

export const isResponse = (message: JSONRPCMessage): message is JSONRPCResultResponse | JSONRPCErrorResponse => !('method' in message);
