import { describe, expect, it } from 'vitest';
import { jsonBytes, utf8 } from '../../../src/host/bytes.js';
import { LIMITS, Registry, RegistrationError } from '../../../src/host/registry.js';
import type { WitToolDefinition } from '../../../src/host/wit.js';

const tool = (name: string, schema: unknown = { type: 'object' }): WitToolDefinition => ({
  name,
  description: `tool ${name}`,
  inputSchema: jsonBytes(schema),
});

describe('registry validation', () => {
  it('refuses a batch that would take the registry past its budget, and counts only what it keeps', () => {
    const r = new Registry();
    const schema = { type: 'object', description: 'x'.repeat(1_000_000) };
    const batch = (from: number) => Array.from({ length: 3 }, (_, i) => tool(`t${from + i}`, schema));
    r.addTools(batch(0));
    r.addTools(batch(3));
    expect(() => r.addTools(batch(6))).toThrow(
      new RegExp(`register-tools of 3 tools would take the registry to \\d+ bytes; the registry budget is ${LIMITS.registryBytes}`),
    );
    expect(r.tools.size).toBe(6);
    // A batch refused for another reason is not counted either.
    expect(() => r.addTools([tool('t0')])).toThrow(/duplicate/);
    r.addTools([tool('small')]);
    expect(r.tools.size).toBe(7);
  });

  it('rejects duplicate tool names within a batch and across calls, adding nothing', () => {
    const r = new Registry();
    expect(() => r.addTools([tool('a'), tool('a')])).toThrow(new RegistrationError('duplicate tool "a"'));
    expect(r.tools.size).toBe(0);
    r.addTools([tool('a')]);
    expect(() => r.addTools([tool('b'), tool('a')])).toThrow(/duplicate tool "a"/);
    expect([...r.tools.keys()]).toEqual(['a']);
  });

  it('rejects schemas that are not JSON objects of type object', () => {
    const r = new Registry();
    expect(() => r.addTools([tool('a', [1])])).toThrow(/inputSchema of tool "a" must be a JSON object/);
    expect(() => r.addTools([tool('a', { type: 'string' })])).toThrow(/"type": "object"/);
    expect(() => r.addTools([{ ...tool('a'), inputSchema: utf8('{oops') }])).toThrow(/not valid JSON/);
    expect(() => r.addTools([{ ...tool('a'), outputSchema: jsonBytes('x') }])).toThrow(/outputSchema of tool "a"/);
  });

  it('rejects a schema that is a JSON object but not a JSON Schema, saying where', () => {
    const r = new Registry();
    expect(() => r.addTools([tool('a', { type: 'object', properties: { n: { type: 'nubmer' } } })])).toThrow(
      new RegistrationError('inputSchema of tool "a" is not a valid JSON Schema: #/properties/n/type: "nubmer" is not a JSON Schema type'),
    );
    expect(r.tools.size).toBe(0);
  });

  it('rejects empty names and huge descriptions', () => {
    const r = new Registry();
    expect(() => r.addTools([tool('')])).toThrow(/tool name is empty/);
    expect(() => r.addTools([{ ...tool('a'), description: 'x'.repeat(LIMITS.descriptionLength + 1) }])).toThrow(/the limit is/);
    expect(() => r.addTools([{ ...tool('a'), annotations: { title: 't'.repeat(LIMITS.descriptionLength + 1) } }])).toThrow(
      /annotations.title of tool "a" is 65537 characters; the limit is 65536/,
    );
    expect(() => r.addPrompts([{ name: 'p', title: 't'.repeat(LIMITS.descriptionLength + 1) }])).toThrow(/title of prompt "p"/);
  });

  it('rejects a second register-server and duplicate prompt arguments', () => {
    const r = new Registry();
    r.setServer({ name: 's', version: '1', capabilities: {} });
    expect(() => r.setServer({ name: 's', version: '1', capabilities: {} })).toThrow(/already called/);
    expect(() =>
      r.addPrompts([{ name: 'p', arguments: [{ name: 'x' }, { name: 'x' }] }]),
    ).toThrow(/declares argument "x" twice/);
  });

  it('rejects duplicate resources and templates', () => {
    const r = new Registry();
    r.addResources([{ uri: 'a:', name: 'a' }]);
    expect(() => r.addResources([{ uri: 'a:', name: 'b' }])).toThrow(/duplicate resource "a:"/);
    r.addTemplates([{ uriTemplate: 't/{x}', name: 't' }]);
    expect(() => r.addTemplates([{ uriTemplate: 't/{x}', name: 'u' }])).toThrow(/duplicate resource template/);
  });
});

describe('task support', () => {
  it('is forbidden until declared, and only registered tools can declare it', () => {
    const r = new Registry();
    r.addTools([tool('a'), tool('b')]);
    expect(r.tools.get('a')?.taskSupport).toBe('forbidden');
    expect(r.hasTaskTools).toBe(false);
    r.setTaskSupport('b', 'required');
    expect(r.tools.get('b')?.taskSupport).toBe('required');
    expect(r.hasTaskTools).toBe(true);
    expect(() => r.setTaskSupport('c', 'optional')).toThrow(RegistrationError);
  });

  it('keeps _meta declared for registered tools and resources, and refuses the rest', () => {
    const r = new Registry();
    r.addTools([tool('a')]);
    r.addResources([{ uri: 'ui://a', name: 'a' }]);
    r.setToolMeta('a', jsonBytes({ ui: { resourceUri: 'ui://a' } }));
    r.setResourceMeta('ui://a', jsonBytes({ ui: { csp: {} } }));
    expect(r.tools.get('a')?.meta).toEqual({ ui: { resourceUri: 'ui://a' } });
    expect(r.resourceMeta.get('ui://a')).toEqual({ ui: { csp: {} } });
    expect(() => r.setToolMeta('b', jsonBytes({}))).toThrow(/declare-tool-meta: no tool "b"/);
    expect(() => r.setResourceMeta('ui://b', jsonBytes({}))).toThrow(/declare-resource-meta: no resource "ui:\/\/b"/);
    expect(() => r.setToolMeta('a', jsonBytes(['ui']))).toThrow(/must be a JSON object/);
    expect(() => r.setToolMeta('a', utf8('{'))).toThrow(RegistrationError);
    expect(() => r.setToolMeta('a', jsonBytes({ x: 'y'.repeat(LIMITS.metaBytes) }))).toThrow(/the limit is 65536/);
  });
});

describe('cache hints', () => {
  it('keep one hint per list method and per registered resource, the last declared winning', () => {
    const r = new Registry();
    r.addResources([{ uri: 'mem://a', name: 'a' }]);
    r.setCacheHint({ tag: 'tools-list' }, 10n, 'private');
    r.setCacheHint({ tag: 'tools-list' }, 20n, 'public');
    r.setCacheHint({ tag: 'resource', val: 'mem://a' }, 5n, 'public');
    expect(Object.fromEntries(r.cacheHints)).toEqual({ 'tools/list': { ttlMs: 20, cacheScope: 'public' } });
    expect(r.resourceCacheHints.get('mem://a')).toEqual({ ttlMs: 5, cacheScope: 'public' });
  });

  it('refuse an unregistered resource and a ttl no client can hold exactly', () => {
    const r = new Registry();
    expect(() => r.setCacheHint({ tag: 'resource', val: 'mem://nope' }, 1n, 'public')).toThrow(RegistrationError);
    expect(() => r.setCacheHint({ tag: 'discover' }, 2n ** 53n, 'public')).toThrow(/above 2\^53 - 1/);
    r.setCacheHint({ tag: 'discover' }, 2n ** 53n - 1n, 'public');
    expect(r.cacheHints.get('server/discover')?.ttlMs).toBe(Number.MAX_SAFE_INTEGER);
  });
});
