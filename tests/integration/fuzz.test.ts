/**
 * Issue #5: a few thousand random and mutated JSON-RPC lines to a served
 * component. Every request with a usable id gets exactly one well-formed
 * answer, nothing is answered twice, and the server still answers a ping.
 * Seeded, so a failure can be replayed.
 */
import { JSONRPCErrorResponseSchema, JSONRPCResultResponseSchema } from '@modelcontextprotocol/core';
import { beforeAll, expect, it } from 'vitest';
import { ComponentHost, serveConnection } from '../../src/host/index.js';
import { nodePlatform } from '../../src/platform/node/platform.js';
import { LineTransport } from '../../src/transport/lines.js';
import { exampleBytes } from '../helpers/examples.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const COUNT = 3000;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

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

/** One line of input: a valid message, a notification, or a mutation of one. */
function generate(i: number): { text: string } {
  const id = `fuzz-${i}`;
  const base: Record<string, unknown> = { jsonrpc: '2.0', id, method: pick(METHODS) };
  const params = pick(PARAMS);
  if (params !== undefined) base.params = params;
  const kind = random();
  if (kind < 0.45) return { text: JSON.stringify(base) };
  if (kind < 0.55) {
    const { id: _drop, ...notification } = base;
    return { text: JSON.stringify(notification) };
  }
  if (kind < 0.7) {
    // Structural mutations that keep the id usable: answered as invalid request or params.
    const mutated = { ...base };
    const which = pick(['jsonrpc', 'method', 'params', 'extra'] as const);
    if (which === 'jsonrpc') mutated.jsonrpc = pick(['1.0', 2, null]);
    if (which === 'method') mutated.method = pick([5, null, {}, '']);
    if (which === 'params') mutated.params = pick([5, 'str', true]);
    if (which === 'extra') mutated.result = {};
    return { text: JSON.stringify(mutated) };
  }
  const text = JSON.stringify(base);
  // Byte-level mutations: truncation, a flipped character, garbage.
  const cut = Math.floor(random() * text.length);
  return {
    text: pick([
      text.slice(0, cut),
      text.slice(0, cut) + String.fromCharCode(Math.floor(random() * 128)) + text.slice(cut + 1),
      Array.from({ length: 1 + Math.floor(random() * 40) }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join(''),
      '[]',
      '{}',
      'null',
    ]),
  };
}

const isResponse = (value: unknown) =>
  JSONRPCResultResponseSchema.safeParse(value).success || JSONRPCErrorResponseSchema.safeParse(value).success;

let host: ComponentHost;
beforeAll(async () => {
  host = await ComponentHost.load(exampleBytes('everything'), { platform: await nodePlatform() });
});

it(`answers every request exactly once (seed ${SEED})`, async () => {
  const lines: string[] = [];
  const transport = new LineTransport((line) => lines.push(line));
  const connection = serveConnection(host, transport);
  transport.receive(JSON.stringify({
    jsonrpc: '2.0', id: 'init', method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'fuzz', version: '0' } },
  }));

  // How many answers each id must get: any object with a usable id is answered
  // (as a request, or as an invalid one), unless it is a well-formed response.
  const expected = new Map<string, number>([['init', 1]]);
  const expect1 = (text: string) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !('id' in value)) return;
    if (typeof value.id !== 'string' && typeof value.id !== 'number') return;
    if (!('method' in value) && isResponse(value)) return;
    expected.set(String(value.id), (expected.get(String(value.id)) ?? 0) + 1);
  };
  for (let i = 0; i < COUNT; i++) {
    const { text } = generate(i);
    expect1(text);
    transport.receive(text);
  }
  const finalPing = '{"jsonrpc":"2.0","id":"final-ping","method":"ping"}';
  expect1(finalPing);
  transport.receive(finalPing);

  const answered = () => lines.filter((l) => l.includes('"id":"final-ping"')).length > 0;
  for (let waited = 0; !answered() && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 50));

  const counts = new Map<string, number>();
  for (const line of lines) {
    const value = JSON.parse(line) as Record<string, unknown>;
    if ('method' in value) continue; // notifications (logs, progress, list changes)
    // JSON-RPC answers an unidentifiable request with id null, which the SDK's schema does not allow.
    const ok = isResponse(value.id === null ? { ...value, id: 0 } : value);
    expect(ok, `not a well-formed response: ${line}`).toBe(true);
    if (value.id === null) continue;
    counts.set(String(value.id), (counts.get(String(value.id)) ?? 0) + 1);
  }
  const missing = [...expected].filter(([id, n]) => (counts.get(id) ?? 0) < n).map(([id]) => id);
  const extra = [...counts].filter(([id, n]) => n > (expected.get(id) ?? 0)).map(([id]) => id);
  expect({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }).toEqual({ missing: [], extra: [] });
  expect(expected.size).toBeGreaterThan(COUNT / 2);
  expect(lines.find((l) => l.includes('"id":"final-ping"'))).toBe('{"result":{},"jsonrpc":"2.0","id":"final-ping"}');
  await connection.close();
});
