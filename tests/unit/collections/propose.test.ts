/** Proposing a saved call from an observed request and response: the proposal holds for that answer and fails for another. */
import { describe, expect, test } from 'vitest';
import { judge } from '../../../src/collections/judge.js';
import { MAX_PARTS, proposeCall, type ObservedResponse } from '../../../src/collections/propose.js';
import type { WireRequest } from '../../../src/collections/request.js';
import { CallSchema } from '../../../src/collections/format.js';

const BIG = 'A'.repeat(2000);

/** The proposal is a valid saved call, and judging the same answer with it finds nothing. */
function propose(request: WireRequest, response: ObservedResponse) {
  const call = proposeCall(request, response);
  expect(CallSchema.safeParse(call).success).toBe(true);
  const answer = 'error' in response ? { kind: 'error' as const, error: response.error } : { kind: 'result' as const, result: response.result };
  expect(judge(call.expect ?? {}, { answer, durationMs: 1 })).toEqual([]);
  return call;
}

describe('proposeCall', () => {
  test('a tool call: isError and equals on the first parts; large parts by their short fields', () => {
    const content = [
      { type: 'text', text: '2 + 3 = 5' },
      { type: 'image', mimeType: 'image/png', data: BIG },
      { type: 'text', text: 'third' },
      { type: 'text', text: 'fourth, left out' },
    ];
    const call = propose(
      { method: 'tools/call', params: { name: 'add', arguments: { a: 2, b: 3 }, _meta: { progressToken: 1 } } },
      { result: { content, structuredContent: { sum: 5 } } },
    );
    expect(call).toEqual({
      name: 'tools/call add',
      request: { kind: 'tool', name: 'add', arguments: { a: 2, b: 3 } },
      expect: {
        isError: false,
        checks: [
          { path: '/content/0', equals: content[0] },
          { path: '/content/1/type', equals: 'image' },
          { path: '/content/1/mimeType', equals: 'image/png' },
          { path: '/content/2', equals: content[2] },
          { path: '/structuredContent', equals: { sum: 5 } },
        ],
      },
    });
    expect(call.expect?.checks?.filter((c) => c.path.startsWith('/content/')).map((c) => c.path.split('/')[2])).not.toContain(String(MAX_PARTS));
    // Another answer fails it.
    const other = judge(call.expect ?? {}, { answer: { kind: 'result', result: { content: [{ type: 'text', text: '5' }], isError: true } }, durationMs: 1 });
    expect(other).toContain('expected isError: false, got true');
    expect(other).toContain('/content/1/type: no value there');
  });

  test('an error: the code alone', () => {
    expect(propose({ method: 'tools/call', params: { name: 'throws' } }, { error: { code: -32602, message: 'bad' } })).toEqual({
      name: 'tools/call throws',
      request: { kind: 'tool', name: 'throws' },
      expect: { error: -32602 },
    });
  });

  test('a resource read, a prompt, a completion and a raw request', () => {
    const blob = { uri: 'mem://logo.png', mimeType: 'image/png', blob: BIG };
    expect(propose({ method: 'resources/read', params: { uri: 'mem://logo.png' } }, { result: { contents: [blob] } })).toMatchObject({
      name: 'resources/read mem://logo.png',
      request: { kind: 'resource', uri: 'mem://logo.png' },
      expect: { checks: [{ path: '/contents/0/uri', equals: 'mem://logo.png' }, { path: '/contents/0/mimeType', equals: 'image/png' }] },
    });
    const message = { role: 'user', content: { type: 'text', text: 'hi' } };
    expect(propose({ method: 'prompts/get', params: { name: 'greet', arguments: { name: 'Ada' } } }, { result: { messages: [message] } })).toEqual({
      name: 'prompts/get greet',
      request: { kind: 'prompt', name: 'greet', arguments: { name: 'Ada' } },
      expect: { checks: [{ path: '/messages/0', equals: message }] },
    });
    const ref = { type: 'ref/prompt', name: 'greet' };
    expect(
      propose(
        { method: 'completion/complete', params: { ref, argument: { name: 'style', value: 'p' } } },
        { result: { completion: { values: ['pirate'], total: 1 } } },
      ),
    ).toEqual({
      name: 'completion/complete',
      request: { kind: 'completion', ref, argument: { name: 'style', value: 'p' } },
      expect: { checks: [{ path: '/completion/values', equals: ['pirate'] }] },
    });
    expect(propose({ method: 'ping' }, { result: {} })).toEqual({ name: 'ping', request: { kind: 'request', method: 'ping' }, expect: { checks: [{ path: '', equals: {} }] } });
  });

  test('a known method with params of another shape is kept as a raw request', () => {
    expect(propose({ method: 'tools/call', params: { name: 7 } }, { error: { code: -32602, message: 'bad' } }).request).toEqual({
      kind: 'request',
      method: 'tools/call',
      params: { name: 7 },
    });
  });
});
