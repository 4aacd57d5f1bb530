/** The nesting limit on incoming messages: a few kilobytes of brackets must not overflow anyone's stack. */
import { expect, test } from 'vitest';
import { MAX_DEPTH, nestsDeeperThan } from '../../../src/transport/depth.js';
import { screen } from '../../../src/transport/screen.js';

const nested = (depth: number): unknown => {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

test('counts arrays and objects, and stops at the limit', () => {
  expect(nestsDeeperThan(nested(MAX_DEPTH))).toBe(false);
  expect(nestsDeeperThan(nested(MAX_DEPTH + 1))).toBe(true);
  expect(nestsDeeperThan({ wide: Array.from({ length: 10_000 }, () => ({ a: [1, 2, 3] })) })).toBe(false);
});

test('walks 100,000 levels without overflowing its own stack', () => {
  expect(nestsDeeperThan(nested(100_000))).toBe(true);
});

test('screen answers a request nested 10,000 deep with -32600 and its id', () => {
  const text = `{"jsonrpc":"2.0","id":7,"method":"ping","params":{"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
  expect(screen(text)).toEqual({
    ok: false,
    reply: { jsonrpc: '2.0', id: 7, error: { code: -32600, message: `Invalid Request: the message nests deeper than ${MAX_DEPTH} levels` } },
  });
});
