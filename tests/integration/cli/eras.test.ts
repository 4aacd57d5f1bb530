// `wasi-mcp serve` over stdio and HTTP to the official SDK client at either protocol era, with the
// component's questions answered: server-to-client requests under 2025-11-25, input_required
// rounds under 2026-07-28.
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import { connectStdio, startHttp, testClient } from '../../helpers/cli.js';
import { examplePath } from '../../helpers/examples.js';

const textOf = (result: { content?: unknown }) => (result.content as { text?: string }[])[0]?.text;

describe.each(['legacy', 'modern'] as const)('stdio, %s client', (era) => {
  it('negotiates its era, lists tools and runs a two-question call', async () => {
    const session = await connectStdio([examplePath('everything')], undefined, {
      era,
      capabilities: { elicitation: {}, sampling: {} },
    });
    try {
      expect(session.client.getNegotiatedProtocolVersion()).toBe(era === 'modern' ? '2026-07-28' : '2025-11-25');
      const { tools } = await session.client.listTools();
      expect(tools.map((t) => t.name)).toContain('interview');
      session.client.setRequestHandler('elicitation/create', async () => ({ action: 'accept', content: { name: 'Kay' } }));
      session.client.setRequestHandler('sampling/createMessage', async () => ({
        model: 'm',
        role: 'assistant',
        content: { type: 'text', text: 'welcome' },
      }));
      expect(textOf(await session.client.callTool({ name: 'interview' }))).toBe('For Kay: welcome');
      expect(textOf(await session.client.callTool({ name: 'add', arguments: { a: 2, b: 2 } }))).toBe('2 + 2 = 4');
    } finally {
      await session.close();
    }
  });
});

describe.each(['legacy', 'modern'] as const)('Streamable HTTP, %s client', (era) => {
  it('negotiates its era, lists tools and runs a two-question call', async () => {
    const server = await startHttp([examplePath('everything')]);
    const client = testClient({ era, capabilities: { elicitation: {}, sampling: {} } });
    try {
      await client.connect(new StreamableHTTPClientTransport(server.url));
      expect(client.getNegotiatedProtocolVersion()).toBe(era === 'modern' ? '2026-07-28' : '2025-11-25');
      client.setRequestHandler('elicitation/create', async () => ({ action: 'accept', content: { name: 'Kay' } }));
      client.setRequestHandler('sampling/createMessage', async () => ({
        model: 'm',
        role: 'assistant',
        content: { type: 'text', text: 'welcome' },
      }));
      expect(textOf(await client.callTool({ name: 'interview' }))).toBe('For Kay: welcome');
      expect(textOf(await client.callTool({ name: 'add', arguments: { a: 2, b: 2 } }))).toBe('2 + 2 = 4');
    } finally {
      await client.close();
      await server.stop();
    }
  });
});
