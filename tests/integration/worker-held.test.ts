/**
 * A component's worker, started as the CLI starts it (dist-node/, so `npm run build:cli` first),
 * tells its link how many calls the component holds between 2026-07-28 input_required rounds
 * when its port carries one JSON-RPC connection, as it does for Streamable HTTP: the supervisor
 * pauses its deadlines on that count.
 */
import { Client } from '@modelcontextprotocol/client';
import { afterEach, expect, test, vi } from 'vitest';
import { MessagePortTransport } from '../../src/transport/message-port.js';
import { CLI_ENV } from '../helpers/cli.js';
import { exampleBytes } from '../helpers/examples.js';

// A variable, not a literal: the type comes from the source the build compiles.
const BUILT = new URL('../../dist-node/platform/node/spawn.js', import.meta.url).href;
const { spawnComponentWorker } = (await import(BUILT)) as typeof import('../../src/platform/node/spawn.js');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

test('a question asked over a 2026-07-28 connection is reported held, then released by the retry', async () => {
  const worker = await spawnComponentWorker({
    bytes: exampleBytes('everything'),
    loadTimeoutMs: 60_000,
    ...(CLI_ENV.WASI_MCP_CACHE_DIR ? { cacheDir: CLI_ENV.WASI_MCP_CACHE_DIR } : {}),
  });
  cleanups.push(() => worker.terminate());
  const held: number[] = [];
  worker.onheld = (calls) => held.push(calls);

  const client = new Client(
    { name: 'test-client', version: '1.0.0' },
    { capabilities: { elicitation: {} }, versionNegotiation: { mode: { pin: '2026-07-28' } } },
  );
  client.setRequestHandler('elicitation/create', async () => ({ action: 'accept', content: { name: 'Grace' } }));
  await client.connect(new MessagePortTransport(worker.port));
  cleanups.unshift(() => client.close());

  const result = await client.callTool({ name: 'ask-user' });
  expect(result.content).toEqual([{ type: 'text', text: 'Hello, Grace!' }]);
  // `held` travels on the worker's own channel, the answer on the JSON-RPC port: either may come first.
  await vi.waitFor(() => expect(held).toEqual([1, 0]));
});
