import { describe, expect, it } from 'vitest';
import { IdScanner, scanId } from '../../../src/transport/id-scan.js';

describe('the id of a message too large to parse', () => {
  it('is found first, last, or between members, as a string or a number', () => {
    expect(scanId('{"jsonrpc":"2.0","id":"a-1","method":"ping"}')).toBe('a-1');
    expect(scanId('{"method":"tools/call","params":{"x":[1,2,{"id":9}]},"jsonrpc":"2.0","id":42}')).toBe(42);
    expect(scanId('{ "id" : -7 , "method":"ping"}')).toBe(-7);
    expect(scanId('{"method":"x","id":"q\\"uote"}')).toBe('q"uote');
  });

  it('ignores ids nested in params and keys that only look like id', () => {
    expect(scanId('{"params":{"id":5},"method":"ping"}')).toBeUndefined();
    expect(scanId('{"params":"\\"id\\":5","identity":1,"method":"ping"}')).toBeUndefined();
    expect(scanId('{"params":{"a":"}{"},"id":3}')).toBe(3);
  });

  it('gives up on ids that are no valid MCP id', () => {
    expect(scanId('{"id":null,"method":"ping"}')).toBeUndefined();
    expect(scanId('{"id":{"x":1},"method":"ping"}')).toBeUndefined();
    expect(scanId(`{"id":"${'x'.repeat(300)}","method":"ping"}`)).toBeUndefined();
    expect(scanId('{"id":1.5,"method":"ping"}')).toBeUndefined();
  });

  it('reads a message fed in pieces, cut anywhere', () => {
    const text = `{"method":"tools/call","params":{"arguments":{"text":"${'é'.repeat(5000)}"}},"id":"split-id"}`;
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 3, 7, 1024]) {
      const scanner = new IdScanner();
      for (let i = 0; i < bytes.length; i += size) scanner.feed(bytes.subarray(i, i + size));
      expect(scanner.id).toBe('split-id');
    }
  });
});
