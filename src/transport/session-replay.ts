/**
 * What a 2025-era session told the component's server, for a new worker to
 * be told again after a restart: the `initialize` request and the
 * `initialized` notification, the last log level, the live resource
 * subscriptions. Only requests that succeeded count. A 2026-07-28 client
 * has no session (no initialize; the level travels with each request,
 * subscriptions are listen streams it opens again), so for it there is
 * nothing to replay.
 */
import { isNotification, isRequest } from './kinds.js';
import type { JSONRPCMessage, JSONRPCRequest, RequestId } from '@modelcontextprotocol/client';

/** Ids of replayed requests: their answers are the replayer's, not the client's. */
const REPLAY = 'replay:';

export const isReplayId = (id: RequestId | undefined): boolean => typeof id === 'string' && id.startsWith(REPLAY);

export class SessionReplay {
  #initialize: JSONRPCRequest | undefined;
  #initialized = false;
  #logLevel: JSONRPCRequest['params'] | undefined;
  readonly #subscriptions = new Map<string, JSONRPCRequest['params']>();

  /** Every message the client sends. */
  sent(message: JSONRPCMessage): void {
    if (isRequest(message) && message.method === 'initialize') this.#initialize = message;
    else if (isNotification(message) && message.method === 'notifications/initialized') this.#initialized = true;
  }

  /** A request of the client's that the server answered with a result. */
  succeeded(request: JSONRPCRequest): void {
    const uri = (request.params as { uri?: unknown } | undefined)?.uri;
    if (request.method === 'logging/setLevel') this.#logLevel = request.params;
    else if (request.method === 'resources/subscribe' && typeof uri === 'string') this.#subscriptions.set(uri, request.params);
    else if (request.method === 'resources/unsubscribe' && typeof uri === 'string') this.#subscriptions.delete(uri);
  }

  /** What a new worker is told, in order, before anything the client sends next. */
  messages(): JSONRPCMessage[] {
    if (!this.#initialize) return [];
    return [
      { ...this.#initialize, id: `${REPLAY}initialize` },
      ...(this.#initialized ? [{ jsonrpc: '2.0' as const, method: 'notifications/initialized' }] : []),
      ...(this.#logLevel ? [{ jsonrpc: '2.0' as const, id: `${REPLAY}setLevel`, method: 'logging/setLevel', params: this.#logLevel }] : []),
      ...[...this.#subscriptions].map(([uri, params]) => ({
        jsonrpc: '2.0' as const,
        id: `${REPLAY}subscribe:${uri}`,
        method: 'resources/subscribe',
        params,
      })),
    ];
  }
}
