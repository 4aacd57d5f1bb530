/**
 * A few thousand random and mutated JSON-RPC lines to a component served in
 * this process. Every request with a usable id gets exactly one well-formed
 * answer, nothing is answered twice, and the server still answers a ping.
 * Seeded, so a failure can be replayed (FUZZ_SEED). tests/integration/cli/
 * fuzz.test.ts does the same through the CLI, over stdio and HTTP.
 */
import { beforeAll, expect, it } from 'vitest';
import { ComponentHost, serveConnection } from '../../src/host/index.js';
import { nodePlatform } from '../../src/platform/node/platform.js';
import { LineTransport } from '../../src/transport/lines.js';
import { exampleBytes } from '../helpers/examples.js';
import { AnswerCount, fuzzer, rng, SEED } from '../helpers/fuzz.js';

const COUNT = 3000;

let host: ComponentHost;
beforeAll(async () => {
  host = await ComponentHost.load(exampleBytes('everything'), { platform: await nodePlatform() });
});

it(`answers every request exactly once (seed ${SEED})`, async () => {
  const lines: string[] = [];
  const transport = new LineTransport((line) => lines.push(line));
  const connection = serveConnection(host, transport);
  const count = new AnswerCount();
  const send = (text: string) => {
    count.expect(text);
    transport.receive(text);
  };
  send(JSON.stringify({
    jsonrpc: '2.0', id: 'init', method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'fuzz', version: '0' } },
  }));
  const generate = fuzzer(rng(SEED));
  for (let i = 0; i < COUNT; i++) send(generate(i));
  send('{"jsonrpc":"2.0","id":"final-ping","method":"ping"}');

  const answered = () => lines.some((l) => l.includes('"id":"final-ping"'));
  for (let waited = 0; !answered() && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 50));

  for (const line of lines) count.saw(JSON.parse(line) as Record<string, unknown>);
  expect(count.problems()).toEqual({ missing: [], extra: [], malformed: [] });
  expect(count.expected.size).toBeGreaterThan(COUNT / 2);
  expect(lines.find((l) => l.includes('"id":"final-ping"'))).toBe('{"result":{},"jsonrpc":"2.0","id":"final-ping"}');
  await connection.close();
});
