import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { examplePath } from '../../helpers/examples.js';
import { BIN, CLI_ENV, ROOT } from '../../helpers/cli.js';

const TIMEOUT_MS = 1500;
const hasJspi = typeof (WebAssembly as { Suspending?: unknown }).Suspending === 'function';

describe.skipIf(!hasJspi)('client requests over stdio', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ name: 'asks', version: '1.0.0' }, { capabilities: { sampling: {}, elicitation: {} } });
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
});
