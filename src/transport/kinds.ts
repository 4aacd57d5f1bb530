/**
 * Which of JSON-RPC's four shapes a message has: the SDK's guards
 * (`isJSONRPCRequest` and the others, a strict zod parse each) with the same
 * answers, cheaper. Each shape has a member the others lack, so a message
 * without it is refused before any parse; asking whether a message is of a
 * shape it is not, the common case, is what a parse makes expensive (zod
 * builds the issues and their messages). Imported from the SDK's core, not
 * its client or server package, so that either end can use them without
 * loading the other's protocol engine. The supervisor and the MessagePort
 * transport, on every round trip of the page, keep the SDK's own: with these
 * there, the bench's sequential round trips measured slower (p50 ratio about
 * 1.75x against 1.6x, interleaved runs), for reasons not found.
 */
import {
  JSONRPCErrorResponseSchema,
  JSONRPCNotificationSchema,
  JSONRPCRequestSchema,
  JSONRPCResultResponseSchema,
} from '@modelcontextprotocol/core';
import type {
  JSONRPCErrorResponse,
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
