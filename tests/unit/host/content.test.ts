import { describe, expect, it } from 'vitest';
import { jsonBytes, utf8 } from '../../../src/host/bytes.js';
import {
  toMcpContent,
  toMcpPromptResult,
  toMcpResourceContents,
  toMcpToolResult,
} from '../../../src/host/content.js';
import type { WitContentBlock } from '../../../src/host/wit.js';

const text = (t: string): WitContentBlock => ({ tag: 'text', val: { contentType: 'text', text: t } });

describe('content conversion', () => {
  it('keeps absent and empty apart', () => {
    expect(toMcpContent(text(''))).toEqual({ type: 'text', text: '' });
    expect(toMcpToolResult({ content: [] })).toEqual({ content: [] });
    expect(toMcpToolResult({ content: [], isError: false })).toEqual({ content: [], isError: false });
  });

  it('maps annotations, merging custom JSON', () => {
    const block: WitContentBlock = {
      tag: 'text',
      val: { contentType: 'text', text: 'x', annotations: { priority: 0.5, audience: ['user'], custom: jsonBytes({ lastModified: '2025-01-01T00:00:00Z' }) } },
    };
    expect(toMcpContent(block)).toEqual({
      type: 'text',
      text: 'x',
      annotations: { lastModified: '2025-01-01T00:00:00Z', audience: ['user'], priority: 0.5 },
    });
  });

  it('refuses an audience MCP does not know', () => {
    const block: WitContentBlock = { tag: 'text', val: { contentType: 'text', text: 'x', annotations: { audience: ['robot'] } } };
    expect(() => toMcpContent(block)).toThrow(/audience "robot"/);
  });

  it('strips a data: URI prefix from image data', () => {
    const block: WitContentBlock = { tag: 'image', val: { contentType: 'image', data: 'data:image/png;base64,AAAA', mimeType: 'image/png' } };
    expect(toMcpContent(block)).toEqual({ type: 'image', data: 'AAAA', mimeType: 'image/png' });
  });

  it('needs exactly one of text and blob in an embedded resource', () => {
    const both: WitContentBlock = { tag: 'embedded-resource', val: { contentType: 'resource', uri: 'u:', text: 'a', blob: 'AA==' } };
    const none: WitContentBlock = { tag: 'embedded-resource', val: { contentType: 'resource', uri: 'u:' } };
    expect(() => toMcpContent(both)).toThrow(/exactly one of text or blob/);
    expect(() => toMcpContent(none)).toThrow(/exactly one of text or blob/);
  });

  it('requires structured content to be a JSON object', () => {
    expect(() => toMcpToolResult({ content: [], structuredContent: jsonBytes([1, 2]) })).toThrow(/JSON object/);
    expect(() => toMcpToolResult({ content: [], structuredContent: utf8('{') })).toThrow(/not valid JSON/);
    expect(toMcpToolResult({ content: [], structuredContent: jsonBytes({ n: 1 }) })).toEqual({ content: [], structuredContent: { n: 1 } });
  });

  it('turns read-resource blocks into resource contents', () => {
    const blocks: WitContentBlock[] = [
      text('hi'),
      { tag: 'image', val: { contentType: 'image', data: 'AAAA', mimeType: 'image/gif' } },
      { tag: 'embedded-resource', val: { contentType: 'resource', uri: 'other:', blob: 'AA==' } },
    ];
    expect(toMcpResourceContents('r:', 'text/plain', blocks)).toEqual({
      contents: [
        { uri: 'r:', mimeType: 'text/plain', text: 'hi' },
        { uri: 'r:', mimeType: 'image/gif', blob: 'AAAA' },
        { uri: 'other:', blob: 'AA==' },
      ],
    });
    const link: WitContentBlock = { tag: 'resource-link', val: { contentType: 'resource_link', uri: 'x:', name: 'x' } };
    expect(() => toMcpResourceContents('r:', undefined, [link])).toThrow(/resource link/);
  });

  it('puts a resource\'s declared _meta on the contents of its own URI only', () => {
    const meta = { ui: { csp: { connectDomains: ['https://api.example'] } } };
    const blocks: WitContentBlock[] = [text('<p>'), { tag: 'embedded-resource', val: { contentType: 'resource', uri: 'other:', text: 'x' } }];
    expect(toMcpResourceContents('ui://a', 'text/html;profile=mcp-app', blocks, meta).contents).toEqual([
      { uri: 'ui://a', mimeType: 'text/html;profile=mcp-app', text: '<p>', _meta: meta },
      { uri: 'other:', text: 'x' },
    ]);
  });

  it('refuses the system role in prompt messages', () => {
    expect(() => toMcpPromptResult(undefined, [{ role: 'system', content: text('x') }])).toThrow(/system/);
    expect(toMcpPromptResult(undefined, [{ role: 'assistant', content: text('x') }])).toEqual({
      messages: [{ role: 'assistant', content: { type: 'text', text: 'x' } }],
    });
  });
});
