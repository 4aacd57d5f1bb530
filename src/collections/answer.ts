/** What a request got back: a result, a JSON-RPC error, or no answer at all (a timeout, a lost connection). */

export interface RpcError {
  code: number;
  message: string;
  data?: unknown;
}

export type Answer =
  | { kind: 'result'; result: Record<string, unknown> }
  | { kind: 'error'; error: RpcError }
  | { kind: 'failed'; message: string };

/** A rejection from Peer.request: a JSON-RPC error when it carries a numeric code, else no answer. */
export function answerOf(thrown: unknown): Answer {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  if (typeof thrown === 'object' && thrown !== null && 'code' in thrown && typeof thrown.code === 'number') {
    const data = 'data' in thrown ? thrown.data : undefined;
    return { kind: 'error', error: data === undefined ? { code: thrown.code, message } : { code: thrown.code, message, data } };
  }
  return { kind: 'failed', message };
}

export function describeAnswer(answer: Answer): string {
  switch (answer.kind) {
    case 'result':
      return 'a result';
    case 'error':
      return `error ${answer.error.code}: ${answer.error.message}`;
    case 'failed':
      return `no answer (${answer.message})`;
  }
}
