/**
 * Random and mutated JSON-RPC messages for the fuzz tests, from a seed so a
 * failure can be replayed (FUZZ_SEED), and the rule for how many answers each
 * one must get. Against the `everything` example.
 */
import { JSONRPCErrorResponseSchema, JSONRPCResultResponseSchema } from '@modelcontextprotocol/core';

export const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

export type Random = () => number;

export function rng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const METHODS = [
  'ping', 'tools/list', 'tools/call', 'resources/list', 'resources/read', 'resources/templates/list',
  'resources/subscribe', 'resources/unsubscribe', 'prompts/list', 'prompts/get', 'completion/complete',
  'logging/setLevel', 'no/such/method', 'notifications/initialized', 'initialize',
];
const PARAMS: unknown[] = [
  undefined, {}, null, [], 'x', 7,
  { name: 'add', arguments: { a: 1, b: 2 } }, { name: 'add', arguments: { a: 'x' } }, { name: 'utf8', arguments: { text: '\u0000☃\ud83d' } },
  { name: 'long', arguments: { steps: 3 } }, { name: 'nope' }, { name: 'fail' }, { name: 'throws' },
  { uri: 'mem://greeting' }, { uri: 'mem://users/1' }, { uri: 'mem://nothing' }, { uri: 7 },
  { name: 'greet', arguments: { name: 'Ada' } }, { name: 'greet' }, { level: 'debug' }, { level: 'loud' },
  { ref: { type: 'ref/prompt', name: 'greet' }, argument: { name: 'style', value: '' } },
  { ref: { type: 'ref/nothing' }, argument: {} },
  { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'fuzz', version: '0' } },
];

export interface FuzzOptions {
  /** Share of messages nested thousands of levels deep (refused with -32600). */
  deep?: number;
  /** Share of tool calls with about 3 MB of arguments; one in four carries twice that, over the 4 MiB limit. */
  huge?: number;
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const HUGE_TEXT = 'x'.repeat(3 * 2 ** 20 - 200);

/** Returns a generator of message lines: valid, notifications, and structural and byte-level mutations. */
export function fuzzer(random: Random, options: FuzzOptions = {}): (i: number) => string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  return (i) => {
    const id = `fuzz-${i}`;
    const roll = random();
    if (roll < (options.deep ?? 0)) {
      const depth = 1000 + Math.floor(random() * 20_000);
      return `{"jsonrpc":"2.0","id":"${id}","method":"tools/call","params":{"name":"add","arguments":{"a":${nested(depth)}}}}`;
    }
    if (roll < (options.deep ?? 0) + (options.huge ?? 0)) {
      const name = pick(['utf8', 'add', 'nope']);
      const args = random() < 0.25 ? { text: HUGE_TEXT, a: HUGE_TEXT } : { text: HUGE_TEXT };
      // The id last, as the SDK's client writes it: an oversized message must still be answered under it.
      return JSON.stringify({ jsonrpc: '2.0', method: 'tools/call', params: { name, arguments: args }, id });
    }
    const base: Record<string, unknown> = { jsonrpc: '2.0', id, method: pick(METHODS) };
    const params = pick(PARAMS);
    if (params !== undefined) base.params = params;
    const kind = random();
    if (kind < 0.45) return JSON.stringify(base);
    if (kind < 0.55) {
      const { id: _drop, ...notification } = base;
      return JSON.stringify(notification);
    }
    if (kind < 0.7) {
      // Structural mutations that keep the id usable: answered as invalid request or params.
      const mutated = { ...base };
      const which = pick(['jsonrpc', 'method', 'params', 'extra'] as const);
      if (which === 'jsonrpc') mutated.jsonrpc = pick(['1.0', 2, null]);
      if (which === 'method') mutated.method = pick([5, null, {}, '']);
      if (which === 'params') mutated.params = pick([5, 'str', true]);
      if (which === 'extra') mutated.result = {};
      return JSON.stringify(mutated);
    }
    const text = JSON.stringify(base);
    // Byte-level mutations: truncation, a flipped character, garbage.
    const cut = Math.floor(random() * text.length);
    return pick([
      text.slice(0, cut),
      text.slice(0, cut) + String.fromCharCode(Math.floor(random() * 128)) + text.slice(cut + 1),
      Array.from({ length: 1 + Math.floor(random() * 40) }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join(''),
      '[]',
      '{}',
      'null',
    ]);
  };
}

export const isResponse = (value: unknown): boolean =>
  JSONRPCResultResponseSchema.safeParse(value).success || JSONRPCErrorResponseSchema.safeParse(value).success;

/**
 * The id a message must be answered under, if any: any object with a usable
 * id is answered (as a request, or as an invalid one), unless it is a
 * well-formed response.
 */
export function answerableId(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('id' in value)) return undefined;
  if (typeof value.id !== 'string' && typeof value.id !== 'number') return undefined;
  if (!('method' in value) && isResponse(value)) return undefined;
  return String(value.id);
}

/** Tallies answers by id; a message that is not a well-formed response is a failure. */
export class AnswerCount {
  readonly expected = new Map<string, number>();
  readonly answered = new Map<string, number>();
  readonly malformed: string[] = [];

  expect(text: string): void {
    const id = answerableId(text);
    if (id !== undefined) this.expected.set(id, (this.expected.get(id) ?? 0) + 1);
  }

  /** One message the server sent: notifications are ignored, responses counted. */
  saw(value: Record<string, unknown>): void {
    if ('method' in value) return;
    // JSON-RPC answers an unidentifiable request with id null, which the SDK's schema does not allow.
    if (!isResponse(value.id === null ? { ...value, id: 0 } : value)) this.malformed.push(JSON.stringify(value).slice(0, 300));
    if (value.id === null) return;
    this.answered.set(String(value.id), (this.answered.get(String(value.id)) ?? 0) + 1);
  }

  /** Ids answered too few and too many times (first few of each) and malformed answers. */
  problems(): { missing: string[]; extra: string[]; malformed: string[] } {
    const missing = [...this.expected].filter(([id, n]) => (this.answered.get(id) ?? 0) < n).map(([id]) => id);
    const extra = [...this.answered].filter(([id, n]) => n > (this.expected.get(id) ?? 0)).map(([id]) => id);
    return { missing: missing.slice(0, 12), extra: extra.slice(0, 5), malformed: this.malformed.slice(0, 3) };
  }
}
