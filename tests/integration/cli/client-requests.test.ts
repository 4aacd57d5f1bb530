import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { examplePath } from '../../helpers/examples.js';
import { BIN, CLI_ENV, ROOT } from '../../helpers/cli.js';

const TIMEOUT_MS = 1500;
const hasJspi = typeof (WebAssembly as { Suspending?: unknown }).Suspending === 'function';

// 2025-11-25: the component's question is a request to the client. 2026-07-28: an input_required
// round, the call held in the worker until the retry: the supervisor hears of it from the worker.
describe.skipIf(!hasJspi).each(['legacy', 'modern'] as const)('client requests over stdio (%s client)', (era) => {
  let client: Client;

  beforeAll(async () => {
    client = new Client(
      { name: 'asks', version: '1.0.0' },
      { capabilities: { sampling: {}, elicitation: {} }, ...(era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {}) },
    );
    client.setRequestHandler('sampling/createMessage', async (request) => ({
      role: 'assistant',
      model: 'test-model',
      content: { type: 'text', text: `you asked: ${JSON.stringify(request.params.messages[0].content)}` },
    }));
    client.setRequestHandler('elicitation/create', async () => {
      // A person takes longer than --timeout to answer.
      await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS + 1000));
      return { action: 'accept', content: { name: 'Ada' } };
    });
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, 'serve', examplePath('everything'), '--timeout', String(TIMEOUT_MS)],
      cwd: ROOT,
      env: CLI_ENV as Record<string, string>,
      stderr: 'pipe',
    });
    await client.connect(transport);
    expect(client.getProtocolEra()).toBe(era);
  });
  afterAll(async () => client?.close());

  test('sampling: the component gets the client model answer', async () => {
    const result = await client.callTool({ name: 'ask-llm', arguments: { question: 'why?' } });
    expect(result.content).toEqual([{ type: 'text', text: expect.stringMatching(/^test-model says: you asked: .*why\?/) }]);
  });

  test('elicitation: waiting on the user longer than --timeout is not a timeout', async () => {
    const result = await client.callTool({ name: 'ask-user', arguments: {} }, { timeout: 30_000 });
    expect(result.content).toEqual([{ type: 'text', text: 'Hello, Ada!' }]);
  });

  test('a call sent while the component waits on the user waits too, and is not timed out meanwhile', async () => {
    const asking = client.callTool({ name: 'ask-user', arguments: {} }, { timeout: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The component runs one call at a time: this one runs only once the question is answered.
    const behind = client.callTool({ name: 'add', arguments: { a: 2, b: 3 } }, { timeout: 30_000 });
    expect((await asking).content).toEqual([{ type: 'text', text: 'Hello, Ada!' }]);
    expect((await behind).isError).toBeFalsy();
  });
});
