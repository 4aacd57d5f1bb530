/** MCP Apps metadata of tools: the view a tool names, and the visibility rule the page applies to calls from views. */
import type { Client, Tool } from '@modelcontextprotocol/client';
import { describe, expect, it, vi } from 'vitest';
import { AppCalls } from '../../../src/session/app-calls.js';
import { appMayCall, modelMayCall, viewUriOf, visibilityOf } from '../../../src/session/app-meta.js';
import { CatalogStore } from '../../../src/session/catalog.js';

const tool = (name: string, meta?: Record<string, unknown>): Tool => ({ name, inputSchema: { type: 'object' }, ...(meta ? { _meta: meta } : {}) });

describe('visibilityOf', () => {
  it('gives both audiences to a tool that declares none, or declares it badly', () => {
    expect(visibilityOf(tool('plain'))).toEqual(['model', 'app']);
    expect(visibilityOf(tool('other', { ui: { resourceUri: 'ui://x' } }))).toEqual(['model', 'app']);
    expect(visibilityOf(tool('bad', { ui: { visibility: 'app' } }))).toEqual(['model', 'app']);
  });

  it('keeps what is declared, ignoring names it does not know', () => {
    expect(visibilityOf(tool('a', { ui: { visibility: ['app'] } }))).toEqual(['app']);
    expect(visibilityOf(tool('m', { ui: { visibility: ['model', 'robot'] } }))).toEqual(['model']);
    expect(visibilityOf(tool('none', { ui: { visibility: [] } }))).toEqual([]);
  });

  it('lets apps call only tools visible to them, and the model only tools visible to it', () => {
    const appOnly = tool('a', { ui: { visibility: ['app'] } });
    const modelOnly = tool('m', { ui: { visibility: ['model'] } });
    expect([appMayCall(appOnly), modelMayCall(appOnly)]).toEqual([true, false]);
    expect([appMayCall(modelOnly), modelMayCall(modelOnly)]).toEqual([false, true]);
    expect([appMayCall(tool('both')), modelMayCall(tool('both'))]).toEqual([true, true]);
  });
});

describe('viewUriOf', () => {
  it('reads ui.resourceUri, then the older flat key, and only ui:// URIs', () => {
    expect(viewUriOf(tool('t', { ui: { resourceUri: 'ui://apps/a.html' } }))).toBe('ui://apps/a.html');
    expect(viewUriOf(tool('t', { 'ui/resourceUri': 'ui://old' }))).toBe('ui://old');
    expect(viewUriOf(tool('t', { ui: { resourceUri: 'https://example.com/app.html' } }))).toBeUndefined();
    expect(viewUriOf(tool('t'))).toBeUndefined();
  });
});

describe('AppCalls', () => {
  const catalog = new CatalogStore();
  catalog.succeed('tools', [tool('increment', { ui: { visibility: ['app'] } }), tool('reset', { ui: { visibility: ['model'] } }), tool('echo')]);
  const request = vi.fn(async () => ({ content: [] }));
  const calls = new AppCalls({ request } as unknown as Client, catalog, { requestOptions: () => ({ timeout: 5 }), meta: () => ({}) });
  const signal = new AbortController().signal;

  it('passes calls of tools visible to apps to the server', async () => {
    await calls.callTool({ name: 'increment', arguments: { by: 2 } }, signal);
    await calls.callTool({ name: 'echo' }, signal);
    expect(request.mock.calls).toEqual([
      [{ method: 'tools/call', params: { name: 'increment', arguments: { by: 2 } } }, { timeout: 5, signal }],
      [{ method: 'tools/call', params: { name: 'echo', arguments: {} } }, { timeout: 5, signal }],
    ]);
  });

  it('refuses model-only and unknown tools without asking the server', async () => {
    request.mockClear();
    await expect(calls.callTool({ name: 'reset' }, signal)).rejects.toThrow(/Tool reset is not callable by apps/);
    await expect(calls.callTool({ name: 'nope' }, signal)).rejects.toThrow(/Unknown tool: nope/);
    expect(request).not.toHaveBeenCalled();
  });
});
