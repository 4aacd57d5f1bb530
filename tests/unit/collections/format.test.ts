/** The collection file format: the zod parser and the JSON Schema in schemas/ accept and refuse the same files. */
import { readFileSync } from 'node:fs';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/server/validators/cf-worker';
import { describe, expect, test } from 'vitest';
import { parseCollection } from '../../../src/collections/format.js';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const EXAMPLE = read('examples/collections/everything.collection.json');
const schema = JSON.parse(read('schemas/collection.v1.schema.json')) as Record<string, unknown>;
const validate = new CfWorkerJsonSchemaValidator().getValidator(schema);

const collection = (calls: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ version: 1, name: 'c', calls, ...extra });
const call = (request: unknown, expect?: unknown) => ({ name: 'a', request, ...(expect === undefined ? {} : { expect }) });

function problems(text: string): string[] {
  const parsed = parseCollection(text);
  if (parsed.ok) throw new Error('accepted');
  return parsed.problems;
}

describe('parseCollection', () => {
  test('the shipped example parses, and the JSON Schema accepts it', () => {
    const parsed = parseCollection(EXAMPLE);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.collection.calls.map((c) => c.request.kind)).toEqual(
      expect.arrayContaining(['tool', 'resource', 'prompt', 'completion', 'request']),
    );
    expect(validate(JSON.parse(EXAMPLE)).valid).toBe(true);
  });

  test('every kind of request, with and without optional parts', () => {
    const text = collection([
      { name: 't', request: { kind: 'tool', name: 'add', arguments: { a: 1 } }, expect: { outputSchema: true, isError: false, maxMs: 10 } },
      { name: 'r', request: { kind: 'resource', uri: 'mem://x' } },
      { name: 'p', request: { kind: 'prompt', name: 'greet', arguments: { name: 'Ada' } }, expect: { checks: [{ path: '', equals: null }] } },
      {
        name: 'c',
        request: { kind: 'completion', ref: { type: 'ref/resource', uri: 'u/{id}' }, argument: { name: 'id', value: '' }, context: { arguments: { a: 'b' } } },
      },
      { name: 'q', request: { kind: 'request', method: 'ping' }, expect: { error: -32601, checks: [{ path: '/message', matches: '^M', contains: 'not' }] } },
    ]);
    const parsed = parseCollection(text);
    expect(parsed).toMatchObject({ ok: true, collection: { calls: { length: 5 } } });
    // `equals: null` is a check for null, not a missing check.
    if (parsed.ok) expect(parsed.collection.calls[2].expect?.checks?.[0]).toEqual({ path: '', equals: null });
    expect(validate(JSON.parse(text)).valid).toBe(true);
  });

  test('not JSON', () => {
    expect(problems('{"version": 1,')).toEqual([expect.stringMatching(/^not JSON: /)]);
  });

  test('each problem says where it is and what was wanted', () => {
    const bad = [
      [collection([], { version: 2 }), ['version: must be 1', 'calls: must hold at least one call']],
      [collection([call({ kind: 'tol', name: 'x' })]), ['calls[0].request.kind: must be one of tool, resource, prompt, completion, request']],
      [collection([call({ kind: 'tool', name: 'x' }, { checks: [{ path: 'content' }] })]), [
        'calls[0].expect.checks[0].path: must be a JSON Pointer: "" or /key/0/key (~1 for /, ~0 for ~)',
        'calls[0].expect.checks[0]: a check needs equals, matches or contains',
      ]],
      [collection([call({ kind: 'tool', name: 'x' }, { checks: [{ path: '/a', matches: '(' }] })]), [
        'calls[0].expect.checks[0].matches: must be a regular expression (JavaScript syntax, u flag)',
      ]],
      [collection([call({ kind: 'tool', name: 'x' }, { expects: 1 })]), ['calls[0].expect: Unrecognized key: "expects"']],
      [collection([call({ kind: 'resource', uri: 'u' }, { outputSchema: true })]), ['calls[0].expect.outputSchema: applies to tool calls only']],
      [collection([call({ kind: 'tool', name: 'x' }, { error: -32602, isError: true })]), [
        'calls[0].expect: an expected error has no result: drop isError and outputSchema, or error',
      ]],
      [collection([call({ kind: 'tool', name: 'x' }), call({ kind: 'tool', name: 'y' })]), ['calls[1].name: two calls are named "a"']],
      [collection([call({ kind: 'prompt', name: 'p', arguments: { n: 1 } })]), [expect.stringMatching(/^calls\[0\]\.request\.arguments\.n: /)]],
    ] as const;
    for (const [text, expected] of bad) {
      expect(problems(text), text).toEqual(expected);
      // The JSON Schema refuses the same files (except what only code can see: duplicate names, regex syntax).
      if (!text.includes('"matches":"("') && !text.includes('"name":"y"')) expect(validate(JSON.parse(text)).valid, text).toBe(false);
    }
  });
});
