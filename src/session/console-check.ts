/**
 * Checks a hand-written JSON-RPC message before it is sent:
 * a message over the size limit, malformed JSON, a message that is not
 * JSON-RPC 2.0, a response, a reused id and, for methods MCP defines, params
 * that do not fit are reported instead of sent. Unknown methods go out (the server answers "method not found").
 */
import { isNotification, isRequest } from '../transport/kinds.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import { ClientNotificationSchema, ClientRequestSchema, JSONRPCMessageSchema } from '@modelcontextprotocol/core';
import { MAX_MESSAGE_BYTES } from '../transport/screen.js';

export type Checked = { ok: true; message: JSONRPCMessage; note?: string } | { ok: false; error: string };

interface MethodSchema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** One schema per method, so that an error points into the params rather than at "no union member matched". */
function byMethod(options: readonly { shape: { method: { value: unknown } } }[]): Map<string, MethodSchema> {
  return new Map(options.map((o) => [String(o.shape.method.value), o as unknown as MethodSchema]));
}

const requests = byMethod(ClientRequestSchema.options);
const notifications = byMethod(ClientNotificationSchema.options);

export const KNOWN_REQUESTS = [...requests.keys()].sort();

function issues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(message)'}: ${i.message}`).join('; ');
}

export function checkOutgoing(text: string, inFlight: (id: string | number) => boolean): Checked {
  // The transport would refuse it too (transport/outgoing.ts); said here before anything is parsed.
  if (text.length > MAX_MESSAGE_BYTES) {
    return { ok: false, error: `Too large: the message is ${text.length} characters; the limit is ${MAX_MESSAGE_BYTES} (4 MiB)` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Not JSON: ${(e as Error).message}` };
  }
  const parsed = JSONRPCMessageSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: `Not a JSON-RPC 2.0 message: ${issues(parsed.error)}` };
  const message: JSONRPCMessage = parsed.data;
  if (isRequest(message)) {
    if (inFlight(message.id)) return { ok: false, error: `id ${JSON.stringify(message.id)} is already in flight; choose another id` };
    const schema = requests.get(message.method);
    if (!schema) return { ok: true, message, note: `${message.method} is not an MCP client request; sent as is` };
    const check = schema.safeParse({ method: message.method, params: message.params });
    return check.success ? { ok: true, message } : { ok: false, error: `Invalid ${message.method} request: ${issues(check.error)}` };
  }
  if (isNotification(message)) {
    const schema = notifications.get(message.method);
    if (!schema) return { ok: true, message, note: `${message.method} is not an MCP client notification; sent as is` };
    const check = schema.safeParse({ method: message.method, params: message.params });
    return check.success ? { ok: true, message } : { ok: false, error: `Invalid ${message.method} notification: ${issues(check.error)}` };
  }
  return { ok: false, error: 'Responses cannot be sent from the console: write a request (with an id) or a notification (without one)' };
}

/** The next console id after `id` ("console-3" → "console-4"), or undefined if it does not follow the pattern. */
export function nextId(id: unknown): string | undefined {
  const m = typeof id === 'string' ? /^console-(\d+)$/.exec(id) : null;
  return m ? `console-${Number(m[1]) + 1}` : undefined;
}
