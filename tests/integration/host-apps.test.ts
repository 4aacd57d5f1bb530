/**
 * The `apps` example over the SDK's in-memory transport: the _meta it declares
 * (declare-tool-meta, declare-resource-meta) reaches tools/list, resources/list
 * and the contents of resources/read, as MCP Apps hosts read them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleBytes } from '../helpers/examples.js';
import { connect, type Connected } from '../helpers/in-memory.js';

let c: Connected;
beforeAll(async () => {
  c = await connect(exampleBytes('apps'));
});
afterAll(async () => c?.close());

describe('the apps example', () => {
  it('gives each tool the _meta it declared, and none to a tool without', async () => {
    const { tools } = await c.client.listTools();
    const meta = Object.fromEntries(tools.map((t) => [t.name, t._meta]));
    expect(meta).toEqual({
      'show-counter': { ui: { resourceUri: 'ui://apps/counter.html' } },
      increment: { ui: { resourceUri: 'ui://apps/counter.html', visibility: ['app'] } },
      'reset-counter': { ui: { visibility: ['model'] } },
    });
  });

  it('lists the view with its _meta and serves it as an MCP App document carrying the same _meta', async () => {
    const { resources } = await c.client.listResources();
    expect(resources).toEqual([expect.objectContaining({ uri: 'ui://apps/counter.html', mimeType: 'text/html;profile=mcp-app', _meta: { ui: { prefersBorder: true } } })]);
    const { contents } = await c.client.readResource({ uri: 'ui://apps/counter.html' });
    expect(contents).toEqual([
      { uri: 'ui://apps/counter.html', mimeType: 'text/html;profile=mcp-app', text: expect.stringMatching(/^<!doctype html>/), _meta: { ui: { prefersBorder: true } } },
    ]);
  });

  it('counts across calls, and tells a client that declared no Apps support that it sees no view', async () => {
    const shown = await c.client.callTool({ name: 'show-counter', arguments: { start: 5 } });
    expect(shown).toEqual({
      content: [{ type: 'text', text: 'shown: the counter is at 5 (this client shows no MCP Apps, so no counter view)' }],
      structuredContent: { count: 5 },
    });
    expect((await c.client.callTool({ name: 'increment', arguments: {} })).structuredContent).toEqual({ count: 6 });
    expect((await c.client.callTool({ name: 'reset-counter', arguments: {} })).structuredContent).toEqual({ count: 0 });
  });
});
