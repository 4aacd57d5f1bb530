/**
 * Which of JSON-RPC's four shapes a message has, two ways.
 *
 * For a value not yet known to be JSON-RPC (what a person typed in the
 * console): the SDK's guards (`isJSONRPCRequest` and the others, a strict
 * zod parse each) with the same answers, cheaper. Each shape has a member the
 * others lack, so a value without it is refused before any parse; asking
 * whether a message is of a shape it is not, the common case, is what a parse
 * makes expensive (zod builds the issues and their messages). Imported from
 * the SDK's core, not its client or server package, so that either end can
 * use them without loading the other's protocol engine.
 *
 * For a message already known to be JSON-RPC (parsed where it came in:
 * screen.ts, or `parseMessage` in message-port.ts; or built by the SDK):
 * `isRequest` and the others look at its members only. Transports ask this
 * several times of every message they pass on, and parsing it again each
 * time would find nothing new.
 */
import {
  JSONRPCErrorResponseSchema,
  JSONRPCNotificationSchema,
  JSONRPCRequestSchema,
  JSONRPCResultResponseSchema,
} from '@modelcontextprotocol/core';
import type {
  JSONRPCErrorResponse,
  JSONRPCMessage,
  JSONRPCNotification,
  JSONRPCRequest,
  JSONRPCResultResponse,
} from '@modelcontextprotocol/client';

const has = (value: unknown, key: string): boolean => typeof value === 'object' && value !== null && key in value;

export function isJSONRPCRequest(value: unknown): value is JSONRPCRequest {
  return has(value, 'method') && has(value, 'id') && JSONRPCRequestSchema.safeParse(value).success;
}

/** A strict schema: a message with an `id` member, even undefined, is no notification. */
export function isJSONRPCNotification(value: unknown): value is JSONRPCNotification {
  return has(value, 'method') && !has(value, 'id') && JSONRPCNotificationSchema.safeParse(value).success;
}

export function isJSONRPCResultResponse(value: unknown): value is JSONRPCResultResponse {
  return has(value, 'result') && JSONRPCResultResponseSchema.safeParse(value).success;
}

export function isJSONRPCErrorResponse(value: unknown): value is JSONRPCErrorResponse {
  return has(value, 'error') && JSONRPCErrorResponseSchema.safeParse(value).success;
}

export const isRequest = (message: JSONRPCMessage): message is JSONRPCRequest =>
  'method' in message && 'id' in message && message.id !== undefined;

export const isNotification = (message: JSONRPCMessage): message is JSONRPCNotification => 'method' in message && !isRequest(message);

export const isResultResponse = (message: JSONRPCMessage): message is JSONRPCResultResponse => 'result' in message;

export const isErrorResponse = (message: JSONRPCMessage): message is JSONRPCErrorResponse => 'error' in message;

export const isResponse = (message: JSONRPCMessage): message is JSONRPCResultResponse | JSONRPCErrorResponse => !('method' in message);
