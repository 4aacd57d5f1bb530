/** Runs a collection's calls in order against one connected server and judges each answer. */
import type { Tool } from '@modelcontextprotocol/client';
import { answerOf, describeAnswer, type Answer } from './answer.js';
import type { Call, Collection } from './format.js';
import { judge, type ToolList } from './judge.js';
import type { Peer } from './peer.js';
import { listAll } from './registration.js';
import { toWire } from './request.js';

export interface CallResult {
  name: string;
  passed: boolean;
  /** One human-readable reason per expectation that does not hold. */
  failures: string[];
  answer: Answer;
  durationMs: number;
}

export interface CollectionRun {
  name: string;
  results: CallResult[];
  passed: boolean;
  durationMs: number;
}

export interface RunOptions {
  /** Milliseconds from any fixed origin; performance.now by default. */
  now?: () => number;
}

export async function runCollection(peer: Peer, collection: Collection, options: RunOptions = {}): Promise<CollectionRun> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const tools = collection.calls.some((c) => c.expect?.outputSchema) ? await toolList(peer) : undefined;
  const results: CallResult[] = [];
  for (const call of collection.calls) results.push(await runCall(peer, call, now, tools));
  return { name: collection.name, results, passed: results.every((r) => r.passed), durationMs: now() - started };
}

async function runCall(peer: Peer, call: Call, now: () => number, tools: ToolList | undefined): Promise<CallResult> {
  const started = now();
  let answer: Answer;
  try {
    answer = { kind: 'result', result: await peer.request(toWire(call.request)) };
  } catch (e) {
    answer = answerOf(e);
  }
  const durationMs = now() - started;
  const toolName = call.request.kind === 'tool' ? call.request.name : undefined;
  const failures = judge(call.expect ?? {}, { answer, durationMs, ...(toolName === undefined ? {} : { toolName }), ...(tools === undefined ? {} : { tools }) });
  return { name: call.name, passed: failures.length === 0, failures, answer, durationMs };
}

async function toolList(peer: Peer): Promise<ToolList> {
  try {
    return new Map((await listAll<Tool>(peer, 'tools/list', 'tools')).map((t) => [t.name, t]));
  } catch (e) {
    return `tools/list got ${describeAnswer(answerOf(e))}`;
  }
}
