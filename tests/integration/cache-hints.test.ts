// Caching hints a component declares (declare-cache-hint): on MCP 2026-07-28 results as ttlMs and
// cacheScope, with 0 ms and private where it declared none; never on 2025-11-25 results.
import { afterEach, expect, test } from 'vitest';
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import { connectRaw, type RawModern } from '../helpers/raw-modern.js';
import { connect, type Connected } from '../helpers/in-memory.js';
import { exampleBytes } from '../helpers/examples.js';

let open: (RawModern | Connected)[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});

const hintOf = (result: Record<string, unknown>) => ({ ttlMs: result.ttlMs, cacheScope: result.cacheScope });

test('2026-07-28 results carry the hints the component declared, and the defaults elsewhere', async () => {
  const c = await connectRaw(exampleBytes('everything'), {});
  open.push(c);
  expect(hintOf(await c.request('prompts/list', {}))).toEqual({ ttlMs: 300_000, cacheScope: 'public' });
  expect(hintOf(await c.request('resources/read', { uri: 'mem://logo.png' }))).toEqual({ ttlMs: 3_600_000, cacheScope: 'public' });
  expect(hintOf(await c.request('tools/list', {}))).toEqual({ ttlMs: 0, cacheScope: 'private' });
  expect(hintOf(await c.request('resources/read', { uri: 'mem://greeting' }))).toEqual({ ttlMs: 0, cacheScope: 'private' });
});

test('2025-11-25 results carry no hints', async () => {
  const c = await connect(exampleBytes('everything'));
  open.push(c);
  const wire: JSONRPCMessage[] = [];
  const transport = c.client.transport!;
  const deliver = transport.onmessage!;
  transport.onmessage = (m, extra) => {
    wire.push(m);
    deliver(m, extra);
  };
  await c.client.listPrompts();
  await c.client.readResource({ uri: 'mem://logo.png' });
  const results = wire.filter((m): m is JSONRPCMessage & { result: Record<string, unknown> } => 'result' in m);
  expect(results).toHaveLength(2);
  for (const { result } of results) expect(result).not.toHaveProperty('ttlMs');
});
