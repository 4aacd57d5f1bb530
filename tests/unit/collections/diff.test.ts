/** Comparing registrations and the answers of one collection on two servers. */
import type { Tool } from '@modelcontextprotocol/client';
import { describe, expect, test } from 'vitest';
import { diffAnswers, diffRegistrations, sameRegistration } from '../../../src/collections/diff.js';
import type { Registration } from '../../../src/collections/registration.js';
import type { CallResult, CollectionRun } from '../../../src/collections/run.js';

const echo: Tool = { name: 'echo', description: 'Echoes', inputSchema: { type: 'object', properties: { text: { type: 'string' } } } };
const base: Registration = {
  info: { name: 's', version: '1.0.0' },
  capabilities: { tools: {} },
  tools: [echo, { name: 'gone', inputSchema: { type: 'object' } }],
  resources: [{ uri: 'mem://a', name: 'a' }],
  resourceTemplates: [],
  prompts: [],
};

describe('diffRegistrations', () => {
  test('the same registration: nothing', () => {
    const diff = diffRegistrations(base, structuredClone(base));
    expect(sameRegistration(diff)).toBe(true);
  });

  test('added, removed, and changed items with the fields (and the paths in them) that changed', () => {
    const next: Registration = {
      ...base,
      info: { name: 's', version: '2.0.0' },
      instructions: 'new',
      tools: [
        { ...echo, description: 'Echoes text', inputSchema: { type: 'object', properties: { text: { type: 'number' } }, required: ['text'] }, annotations: { readOnlyHint: true } },
        { name: 'new', inputSchema: { type: 'object' } },
      ],
      resources: [{ uri: 'mem://a', name: 'a', title: 'A' }],
      prompts: [{ name: 'greet' }],
    };
    const diff = diffRegistrations(base, next);
    expect(sameRegistration(diff)).toBe(false);
    expect(diff.server).toEqual([{ field: 'info', paths: ['/version'] }, { field: 'instructions', paths: [] }]);
    expect(diff.tools).toEqual({
      added: ['new'],
      removed: ['gone'],
      changed: [
        {
          key: 'echo',
          fields: [
            { field: 'annotations', paths: [] },
            { field: 'description', paths: [] },
            { field: 'inputSchema', paths: ['/properties/text/type', '/required'] },
          ],
        },
      ],
    });
    expect(diff.resources).toEqual({ added: [], removed: [], changed: [{ key: 'mem://a', fields: [{ field: 'title', paths: [] }] }] });
    expect(diff.prompts).toEqual({ added: ['greet'], removed: [], changed: [] });
    expect(diff.resourceTemplates).toEqual({ added: [], removed: [], changed: [] });
  });
});

const runOf = (results: Pick<CallResult, 'name' | 'answer'>[]): CollectionRun => ({
  name: 'c',
  passed: true,
  durationMs: 1,
  results: results.map((r) => ({ ...r, passed: true, failures: [], durationMs: Math.random() })),
});

describe('diffAnswers', () => {
  test('names the calls whose answers differ and where; ignores _meta and durations', () => {
    const old = runOf([
      { name: 'same', answer: { kind: 'result', result: { content: [{ type: 'text', text: 'x' }], _meta: { t: 1 } } } },
      { name: 'text', answer: { kind: 'result', result: { content: [{ type: 'text', text: 'x' }] } } },
      { name: 'kind', answer: { kind: 'error', error: { code: -32601, message: 'Method not found' } } },
    ]);
    const next = runOf([
      { name: 'same', answer: { kind: 'result', result: { content: [{ type: 'text', text: 'x', _meta: { u: 2 } }] } } },
      { name: 'text', answer: { kind: 'result', result: { content: [{ type: 'text', text: 'y' }] } } },
      { name: 'kind', answer: { kind: 'result', result: {} } },
    ]);
    const diffs = diffAnswers(old, next);
    expect(diffs.map((d) => [d.name, d.paths])).toEqual([
      ['text', ['/result/content/0/text']],
      ['kind', ['/error', '/kind', '/result']],
    ]);
    expect(diffAnswers(old, old)).toEqual([]);
  });
});
