/** Judging answers against expectations, and the runner over a scripted peer with a fake clock. */
import type { Tool } from '@modelcontextprotocol/client';
import { describe, expect, test } from 'vitest';
import type { Answer } from '../../../src/collections/answer.js';
import type { Collection } from '../../../src/collections/format.js';
import { judge } from '../../../src/collections/judge.js';
import type { Peer } from '../../../src/collections/peer.js';
import type { WireRequest } from '../../../src/collections/request.js';
import { runCollection } from '../../../src/collections/run.js';

const result = (r: Record<string, unknown>): Answer => ({ kind: 'result', result: r });
const error = (code: number, message = 'nope'): Answer => ({ kind: 'error', error: { code, message } });
const TEXT = result({ content: [{ type: 'text', text: '2 + 3 = 5' }], structuredContent: { sum: 5 } });
const ADD: Tool = {
  name: 'add',
  inputSchema: { type: 'object' },
  outputSchema: { type: 'object', properties: { sum: { type: 'number' } }, required: ['sum'] },
};
const tools = new Map([[ADD.name, ADD], ['plain', { name: 'plain', inputSchema: { type: 'object' } } as Tool]]);

describe('judge', () => {
  test('no expectations: a result passes, an error or no answer fails', () => {
    expect(judge({}, { answer: TEXT, durationMs: 1 })).toEqual([]);
    expect(judge({}, { answer: error(-32601, 'Method not found'), durationMs: 1 })).toEqual(['expected a result, got error -32601: Method not found']);
    expect(judge({}, { answer: { kind: 'failed', message: 'timed out' }, durationMs: 1 })).toEqual(['expected a result, got no answer (timed out)']);
  });

  test('an expected error code', () => {
    expect(judge({ error: -32602 }, { answer: error(-32602), durationMs: 1 })).toEqual([]);
    expect(judge({ error: -32602 }, { answer: error(-32601), durationMs: 1 })).toEqual(['expected error -32602, got error -32601: nope']);
    expect(judge({ error: -32602 }, { answer: TEXT, durationMs: 1 })).toEqual(['expected error -32602, got a result']);
    // Checks then look into the error object.
    expect(judge({ error: -32602, checks: [{ path: '/message', equals: 'nope' }] }, { answer: error(-32602), durationMs: 1 })).toEqual([]);
  });

  test('isError', () => {
    expect(judge({ isError: false }, { answer: TEXT, durationMs: 1 })).toEqual([]);
    expect(judge({ isError: true }, { answer: TEXT, durationMs: 1 })).toEqual(['expected isError: true, got false']);
    expect(judge({ isError: false }, { answer: result({ content: [], isError: true }), durationMs: 1 })).toEqual(['expected isError: false, got true']);
  });

  test('checks: equals (deep), matches, contains, and a path that leads nowhere', () => {
    const at = (checks: NonNullable<Parameters<typeof judge>[0]['checks']>) => judge({ checks }, { answer: TEXT, durationMs: 1 });
    expect(at([{ path: '/structuredContent', equals: { sum: 5 } }, { path: '/content/0/text', matches: '^2 \\+ 3', contains: '= 5' }])).toEqual([]);
    expect(at([{ path: '/structuredContent', equals: { sum: 6 } }])).toEqual(['/structuredContent: expected {"sum":6}, got {"sum":5}']);
    expect(at([{ path: '/content/0/text', matches: '^3' }])).toEqual(['/content/0/text: "2 + 3 = 5" does not match /^3/']);
    expect(at([{ path: '/content/0/text', contains: '= 6' }])).toEqual(['/content/0/text: "2 + 3 = 5" does not contain "= 6"']);
    expect(at([{ path: '/structuredContent/sum', contains: '5' }])).toEqual(['/structuredContent/sum: expected a string containing "5", got 5']);
    expect(at([{ path: '/content/1/text', equals: 'x' }])).toEqual(['/content/1/text: no value there']);
    expect(at([{ path: '', equals: {} }])).toEqual([expect.stringMatching(/^\(whole answer\): expected \{\}, got \{"content"/)]);
  });

  test('outputSchema: valid, invalid, undeclared, unknown tool, error result', () => {
    const check = (answer: Answer, toolName = 'add') => judge({ outputSchema: true }, { answer, durationMs: 1, toolName, tools });
    expect(check(TEXT)).toEqual([]);
    expect(check(result({ content: [], structuredContent: { sum: 'five' } }))).toEqual([
      expect.stringMatching(/^outputSchema: structured content does not match the output schema: /),
    ]);
    expect(check(result({ content: [] }))).toEqual(['outputSchema: the tool declares an output schema but returned no structured content']);
    expect(check(TEXT, 'plain')).toEqual(['outputSchema: tool plain declares no outputSchema']);
    expect(check(TEXT, 'gone')).toEqual(['outputSchema: tool gone is not in tools/list']);
    expect(check(result({ content: [], isError: true }))).toEqual(['outputSchema: the result has isError: true, so there is no structured content to check']);
  });

  test('maxMs, judged even when the answer is wrong', () => {
    expect(judge({ maxMs: 100 }, { answer: TEXT, durationMs: 100 })).toEqual([]);
    expect(judge({ maxMs: 100 }, { answer: error(1), durationMs: 250.4 })).toEqual(['expected a result, got error 1: nope', 'took 250 ms, over the 100 ms budget']);
  });
});

/** Answers each method from a table, recording what was sent; each request takes 10 ms of fake time. */
function scriptedPeer(answers: Record<string, Record<string, unknown> | Error>): { peer: Peer; sent: WireRequest[]; now: () => number } {
  let clock = 0;
  const sent: WireRequest[] = [];
  const peer: Peer = {
    request: async (request) => {
      sent.push(request);
      clock += 10;
      const answer = answers[request.method];
      if (answer === undefined) throw Object.assign(new Error('Method not found'), { code: -32601 });
      if (answer instanceof Error) throw answer;
      return answer;
    },
    server: () => ({ capabilities: {} }),
  };
  return { peer, sent, now: () => clock };
}

describe('runCollection', () => {
  const collection: Collection = {
    version: 1,
    name: 'c',
    calls: [
      { name: 'add', request: { kind: 'tool', name: 'add', arguments: { a: 2, b: 3 } }, expect: { outputSchema: true, maxMs: 15 } },
      { name: 'read', request: { kind: 'resource', uri: 'mem://x' } },
      { name: 'slow', request: { kind: 'request', method: 'ping' }, expect: { error: -32601 } },
    ],
  };

  test('sends each call in order (tools/list first when a call checks an outputSchema) and judges each', async () => {
    const { peer, sent, now } = scriptedPeer({ 'tools/list': { tools: [ADD] }, 'tools/call': { content: [], structuredContent: { sum: 5 } } });
    const run = await runCollection(peer, collection, { now });
    expect(sent).toEqual([
      { method: 'tools/list' },
      { method: 'tools/call', params: { name: 'add', arguments: { a: 2, b: 3 } } },
      { method: 'resources/read', params: { uri: 'mem://x' } },
      { method: 'ping' },
    ]);
    expect(run).toMatchObject({ name: 'c', passed: false, durationMs: 40 });
    expect(run.results).toEqual([
      { name: 'add', passed: true, failures: [], answer: { kind: 'result', result: { content: [], structuredContent: { sum: 5 } } }, durationMs: 10 },
      {
        name: 'read',
        passed: false,
        failures: ['expected a result, got error -32601: Method not found'],
        answer: { kind: 'error', error: { code: -32601, message: 'Method not found' } },
        durationMs: 10,
      },
      { name: 'slow', passed: true, failures: [], answer: { kind: 'error', error: { code: -32601, message: 'Method not found' } }, durationMs: 10 },
    ]);
  });

  test('a failed tools/list fails only the outputSchema expectation; a thrown error without a code is no answer', async () => {
    const { peer, now } = scriptedPeer({ 'tools/call': new Error('Request timed out'), 'resources/read': { contents: [] } });
    const run = await runCollection(peer, collection, { now });
    expect(run.results[0].failures).toEqual(['expected a result, got no answer (Request timed out)']);
    const onlySchema = await runCollection(scriptedPeer({ 'tools/call': { content: [], structuredContent: { sum: 5 } } }).peer, {
      ...collection,
      calls: [{ name: 'add', request: { kind: 'tool', name: 'add' }, expect: { outputSchema: true } }],
    });
    expect(onlySchema.results[0].failures).toEqual(['outputSchema: tools/list got error -32601: Method not found']);
  });
});
