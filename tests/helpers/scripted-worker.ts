/**
 * A pretend component worker for supervisor tests: its port lives in this
 * thread (a message arrives in a microtask, so `settle()` delivers it) and a
 * script decides what it answers. It records what it received.
 */
import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/client';
import type { PortLike } from '../../src/transport/message-port.js';
import type { WorkerLink } from '../../src/transport/supervised.js';

type Listener = (event: { data: unknown }) => void;

/** Two ends of a channel in this thread. */
export function portPair(): [PortLike, PortLike] {
  const listeners: [Set<Listener>, Set<Listener>] = [new Set(), new Set()];
  let closed = false;
  const end = (mine: Set<Listener>, theirs: Set<Listener>): PortLike => ({
    postMessage: (data) => {
      if (closed) return;
      queueMicrotask(() => {
        if (!closed) for (const listener of theirs) listener({ data });
      });
    },
    addEventListener: (_type, listener) => mine.add(listener),
    removeEventListener: (_type, listener) => mine.delete(listener),
    close: () => {
      closed = true;
    },
  });
  return [end(listeners[0], listeners[1]), end(listeners[1], listeners[0])];
}

export type Received = JSONRPCMessage & { id?: RequestId; method?: string; params?: Record<string, unknown>; result?: unknown };

export interface ScriptedWorker {
  link: WorkerLink;
  /** What it received, in order. */
  seen: Received[];
  /** Sends the client a message; with `related`, as a message the worker related to that request. */
  send(message: JSONRPCMessage, related?: RequestId): void;
  answer(id: RequestId, result?: Record<string, unknown>): void;
  /** Reports how many calls it holds between input_required rounds. */
  held(calls: number): void;
  terminated: boolean;
}

export function scriptedWorker(script: (message: Received, worker: ScriptedWorker) => void): ScriptedWorker {
  const [outside, inside] = portPair();
  const worker: ScriptedWorker = {
    link: { port: outside, terminate: () => ((worker.terminated = true), inside.close()) },
    seen: [],
    send: (message, related) =>
      inside.postMessage(JSON.stringify(related === undefined ? message : { relatedRequestId: related, message })),
    answer: (id, result = {}) => worker.send({ jsonrpc: '2.0', id, result }),
    held: (calls) => worker.link.onheld?.(calls),
    terminated: false,
  };
  inside.addEventListener('message', ({ data }) => {
    const message = JSON.parse(data as string) as Received;
    worker.seen.push(message);
    script(message, worker);
  });
  return worker;
}
