/**
 * Requests a server sends the page while one of its handlers runs:
 * sampling and elicitation (form or URL) wait here until the person answers them. Each
 * session has its own store, so a request is always tied to its server.
 */
import { ProtocolError } from '@modelcontextprotocol/client';
import type {
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitRequestFormParams,
  ElicitRequestURLParams,
  ElicitResult,
  RequestId,
} from '@modelcontextprotocol/client';
import { Store } from './store.js';

interface Kinds {
  sampling: { params: CreateMessageRequestParams; result: CreateMessageResult };
  elicitation: { params: ElicitRequestFormParams; result: ElicitResult };
  /** URL-mode elicitation: the person is asked to open a link (an accept carries no content). */
  url: { params: ElicitRequestURLParams; result: ElicitResult };
}
export type ClientRequestKind = keyof Kinds;
export type ClientRequestResult<K extends ClientRequestKind> = Kinds[K]['result'];

export type PendingClientRequest = {
  [K in ClientRequestKind]: {
    kind: K;
    /** Unique in this store; the JSON-RPC id is the server's and may repeat after a restart. */
    key: number;
    requestId: RequestId;
    params: Kinds[K]['params'];
    /** Epoch milliseconds. */
    receivedAt: number;
  };
}[ClientRequestKind];

/**
 * The JSON-RPC error for a sampling request the person rejected: the MCP
 * specification's sampling page shows code -1 for "User rejected sampling
 * request"; the SDK's ErrorCode has no name for it.
 */
const USER_REJECTED = -1;

interface Waiter {
  resolve(result: ClientRequestResult<ClientRequestKind>): void;
  reject(error: Error): void;
}

export class ClientRequestsStore extends Store<readonly PendingClientRequest[]> {
  readonly #waiters = new Map<number, Waiter>();
  readonly #now: () => number;
  #next = 1;

  constructor(now: () => number = Date.now) {
    super([]);
    this.#now = now;
  }

  /** Queues a request; resolves with the person's answer, rejects when they reject it or `signal` aborts. */
  ask<K extends ClientRequestKind>(kind: K, params: Kinds[K]['params'], requestId: RequestId, signal?: AbortSignal): Promise<ClientRequestResult<K>> {
    const key = this.#next++;
    const request = { kind, key, requestId, params, receivedAt: this.#now() } as PendingClientRequest;
    return new Promise<ClientRequestResult<K>>((resolve, reject) => {
      // The server cancelled, or the connection closed: nobody waits for the answer any more.
      const onAbort = () => this.#settle(key, (w) => w.reject(new Error('the server no longer waits for this answer')));
      if (signal?.aborted) return reject(new Error('the server no longer waits for this answer'));
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.#waiters.set(key, {
        resolve: (result) => (done(), resolve(result as ClientRequestResult<K>)),
        reject: (error) => (done(), reject(error)),
      });
      this.set([...this.value, request]);
    });
  }

  /** Sends the person's answer; false when the request is no longer pending or is of another kind. */
  answer<K extends ClientRequestKind>(key: number, kind: K, result: ClientRequestResult<K>): boolean {
    if (this.value.find((r) => r.key === key)?.kind !== kind) return false;
    return this.#settle(key, (w) => w.resolve(result));
  }

  /** Answers with a JSON-RPC error (a rejected sampling request). */
  reject(key: number, message: string): boolean {
    return this.#settle(key, (w) => w.reject(new ProtocolError(USER_REJECTED, message)));
  }

  /** Fails every pending request, e.g. when the component that asked was restarted. */
  dropAll(reason: string): void {
    for (const { key } of this.value) this.#settle(key, (w) => w.reject(new Error(reason)));
  }

  #settle(key: number, settle: (waiter: Waiter) => void): boolean {
    const waiter = this.#waiters.get(key);
    if (!waiter) return false;
    this.#waiters.delete(key);
    this.set(this.value.filter((r) => r.key !== key));
    settle(waiter);
    return true;
  }
}
