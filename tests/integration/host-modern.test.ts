// The everything example served to a client pinned to MCP 2026-07-28: server/discover instead of
// initialize, the per-request _meta envelope, and the component's questions as input_required rounds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connected } from '../helpers/in-memory.js';
import { exampleBytes } from '../helpers/examples.js';

const textOf = (result: { content?: unknown }) => (result.content as { text?: string }[])[0]?.text;

let c: Connected;
beforeAll(async () => {
  c = await connect(exampleBytes('everything'), {}, { sampling: {}, elicitation: {}, roots: {} }, 'modern');
});
afterAll(async () => {
  await c.close();
});

describe('a 2026-07-28 client', () => {
  it('connects by server/discover and calls tools', async () => {
    expect(c.client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
    expect(c.client.getServerVersion()?.name).toBe('everything');
    const { tools } = await c.client.listTools();
    expect(tools.map((t) => t.name)).toContain('add');
    expect(await c.client.callTool({ name: 'add', arguments: { a: 2, b: 3 } })).toMatchObject({ structuredContent: { sum: 5 } });
  });

  it('answers an elicitation round, and the same component call finishes with the answer', async () => {
    const asked: string[] = [];
    c.client.setRequestHandler('elicitation/create', async (request) => {
      asked.push(request.params.message);
      return { action: 'accept', content: { name: 'Grace' } };
    });
    expect(textOf(await c.client.callTool({ name: 'ask-user' }))).toBe('Hello, Grace!');
    expect(asked).toEqual(['What is your name?']);
  });

  it('answers two questions of one call in two rounds', async () => {
    const rounds: string[] = [];
    c.client.setRequestHandler('elicitation/create', async () => {
      rounds.push('elicitation');
      return { action: 'accept', content: { name: 'Ada' } };
    });
    c.client.setRequestHandler('sampling/createMessage', async (request) => {
      rounds.push('sampling');
      const asked = request.params.messages[0]?.content;
      return { model: 'm', role: 'assistant', content: { type: 'text', text: `hi (${(asked as { text: string }).text})` } };
    });
    expect(textOf(await c.client.callTool({ name: 'interview' }))).toBe('For Ada: hi (Write a greeting for Ada)');
    expect(rounds).toEqual(['elicitation', 'sampling']);
  });

  it('answers a roots round', async () => {
    c.client.setRequestHandler('roots/list', async () => ({ roots: [{ uri: 'file:///work', name: 'work' }] }));
    expect(textOf(await c.client.callTool({ name: 'roots' }))).toBe('work (file:///work)');
  });

  it('refuses a retry whose requestState was altered, before the component sees it', async () => {
    const first = await c.client.request(
      { method: 'tools/call', params: { name: 'ask-user', arguments: {} } },
      { allowInputRequired: true },
    );
    const state = (first as { requestState?: string }).requestState;
    expect(state).toEqual(expect.any(String));
    const forged = `${state!.slice(0, -2)}${state!.endsWith('A') ? 'B' : 'A'}`;
    await expect(
      c.client.request(
        {
          method: 'tools/call',
          params: { name: 'ask-user', arguments: {}, inputResponses: {}, requestState: forged } as never,
        },
        { allowInputRequired: true },
      ),
    ).rejects.toMatchObject({ code: -32602 });
    // The genuine state still continues the waiting call.
    const done = await c.client.request(
      {
        method: 'tools/call',
        params: {
          name: 'ask-user',
          arguments: {},
          inputResponses: { q1: { action: 'accept', content: { name: 'Lin' } } },
          requestState: state,
        } as never,
      },
      { allowInputRequired: true },
    );
    expect(textOf(done as { content?: unknown })).toBe('Hello, Lin!');
  });
});

describe('a 2026-07-28 client without the capability a question needs', () => {
  it('gets -32021 naming it, when the component cannot go on without the answer', async () => {
    const bare = await connect(exampleBytes('everything'), {}, {}, 'modern');
    try {
      await expect(bare.client.callTool({ name: 'ask-user' })).rejects.toMatchObject({
        code: -32021,
        data: { requiredCapabilities: { elicitation: {} } },
      });
      // The component is free again.
      expect(textOf(await bare.client.callTool({ name: 'add', arguments: { a: 1, b: 2 } }))).toBe('1 + 2 = 3');
    } finally {
      await bare.close();
    }
  });
});
