/**
 * Which requests of the History are rounds of one call (2026-07-28 input_required): a request
 * answered `input_required` is sent again with `inputResponses` and the `requestState` it was
 * given, under a new JSON-RPC id, until it completes. Each such request is marked with its round
 * and the id of the call's first request.
 */
import type { RequestId } from '@modelcontextprotocol/client';
import type { HistoryEntry } from '../../../session/entries.js';

export interface CallRound {
  round: number;
  /** The id of the call's first request. */
  first: RequestId;
}

interface Sent {
  seq: number;
  /** Method and target (tool or prompt name, resource URI): what a retry without requestState is matched by. */
  target: string;
  round?: CallRound;
}

type Params = { name?: unknown; uri?: unknown; requestState?: unknown; inputResponses?: unknown };

const paramsOf = (entry: HistoryEntry): Params => ('params' in entry.message && (entry.message.params as Params | undefined)) || {};
const resultOf = (entry: HistoryEntry): { resultType?: unknown; requestState?: unknown } =>
  ('result' in entry.message && (entry.message.result as { resultType?: unknown; requestState?: unknown })) || {};

/** The round of every request that is part of a multi-round call, by its History seq. */
export function callRounds(entries: readonly HistoryEntry[]): ReadonlyMap<number, CallRound> {
  const rounds = new Map<number, CallRound>();
  const sent = new Map<string, Sent>();
  /** Calls answered input_required and not yet retried: by requestState, and by target. */
  const open = new Map<string, CallRound>();
  const key = (id: RequestId) => `${typeof id}:${String(id)}`;
  for (const entry of entries) {
    if (entry.kind === 'request' && entry.direction === 'out' && entry.id !== undefined) {
      const params = paramsOf(entry);
      const target = `${entry.method ?? ''} ${String(params.name ?? params.uri ?? '')}`;
      const retry = params.inputResponses !== undefined || params.requestState !== undefined;
      const state = typeof params.requestState === 'string' ? `state:${params.requestState}` : undefined;
      const previous = retry ? ((state && open.get(state)) ?? open.get(`target:${target}`)) : undefined;
      const round = previous ? { round: previous.round + 1, first: previous.first } : undefined;
      if (previous) {
        if (state) open.delete(state);
        open.delete(`target:${target}`);
        rounds.set(entry.seq, round!);
      }
      sent.set(key(entry.id), { seq: entry.seq, target, round });
      continue;
    }
    if (entry.kind !== 'result' || entry.direction !== 'in' || entry.id === undefined) continue;
    const request = sent.get(key(entry.id));
    const result = resultOf(entry);
    if (!request || result.resultType !== 'input_required') continue;
    const round = request.round ?? { round: 1, first: entry.id };
    rounds.set(request.seq, round);
    if (typeof result.requestState === 'string') open.set(`state:${result.requestState}`, round);
    open.set(`target:${request.target}`, round);
  }
  return rounds;
}
