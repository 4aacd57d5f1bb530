/**
 * Screening of incoming JSON-RPC text before it reaches the SDK, which
 * answers nothing at all to input that is not JSON or not JSON-RPC, and
 * answers bad params of a known method as an internal error (-32603).
 * Every request gets exactly one answer: a screened one gets it here.
 */
import * as z from 'zod/v4';
import type { JSONRPCErrorResponse, JSONRPCMessage, RequestId } from '@modelcontextprotocol/client';
import { ClientRequestSchema, JSONRPCMessageSchema, RequestIdSchema } from '@modelcontextprotocol/core';
import { INVALID_PARAMS, INVALID_REQUEST, PARSE_ERROR } from '../host/rpc-codes.js';
import { MAX_DEPTH, nestsDeeperThan } from './depth.js';
import { isIntegerText, parseKeepingId, rawJson, tokenFor } from './exact-id.js';

/** The largest message the host accepts (the SDK's own HTTP transport reads up to 4 MiB). */
export const MAX_MESSAGE_BYTES = 4 * 2 ** 20;

export type Screened = { ok: true; message: JSONRPCMessage } | { ok: false; reply?: JSONRPCErrorResponse };

const requestSchemas = new Map<string, z.ZodType>(
  ClientRequestSchema.options.map((schema) => [schema.shape.method.value, schema as z.ZodType]),
);

function error(id: RequestId | null, code: number, message: string): { ok: false; reply: JSONRPCErrorResponse } {
  // JSON-RPC 2.0 answers an unidentifiable request with id null; the SDK's type has no null.
  return { ok: false, reply: { jsonrpc: '2.0', id: id as RequestId, error: { code, message } } };
}

/** The id of something that looks like a request, if it has a valid one. */
export function idOf(value: unknown): RequestId | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const id = RequestIdSchema.safeParse(value.id);
  return id.success ? id.data : null;
}

function firstIssue(e: z.ZodError): string {
  const issue = e.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${path}${issue.message}`;
}

export function screen(text: string, maxBytes = MAX_MESSAGE_BYTES): Screened {
  // Length in UTF-16 units bounds the UTF-8 size from below; close enough for a limit.
  if (text.length > maxBytes) {
    return error(null, INVALID_REQUEST, `message is ${text.length} characters; the limit is ${maxBytes}`);
  }
  let value: unknown;
  let inexactId: string | undefined;
  try {
    ({ value, inexactId } = parseKeepingId(text));
  } catch (e) {
    return error(null, PARSE_ERROR, `Parse error: ${(e as Error).message}`);
  }
  if (inexactId !== undefined) {
    const message = value as Record<string, unknown>;
    // A fraction or an exponent is no MCP id: refused, with the id written back as it came.
    if (!isIntegerText(inexactId)) {
      return error(rawJson(inexactId) as RequestId, INVALID_REQUEST, 'Invalid Request: an id must be a string or an integer');
    }
    message.id = tokenFor(inexactId);
  }
  return screenValue(value);
}

/** The checks after parsing, for a message parsed elsewhere (an HTTP body). */
export function screenValue(value: unknown): Screened {
  if (Array.isArray(value)) {
    return error(null, INVALID_REQUEST, 'JSON-RPC batches are not supported by MCP');
  }
  if (nestsDeeperThan(value)) {
    return error(idOf(value), INVALID_REQUEST, `Invalid Request: the message nests deeper than ${MAX_DEPTH} levels`);
  }
  const parsed = JSONRPCMessageSchema.safeParse(value);
  if (!parsed.success) {
    const isNotification = typeof value === 'object' && value !== null && 'method' in value && !('id' in value);
    // A malformed notification gets no answer (JSON-RPC 2.0), but is still dropped.
    if (isNotification) return { ok: false };
    return error(idOf(value), INVALID_REQUEST, `Invalid Request: ${firstIssue(parsed.error)}`);
  }
  const message = parsed.data;
  if ('method' in message && 'id' in message) {
    const schema = requestSchemas.get(message.method);
    const checked = schema?.safeParse(message);
    if (checked && !checked.success) {
      return error(message.id, INVALID_PARAMS, `Invalid params for ${message.method}: ${firstIssue(checked.error)}`);
    }
  }
  return { ok: true, message };
}
