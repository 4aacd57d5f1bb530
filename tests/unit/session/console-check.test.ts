/** The raw console's check before sending. */
import { describe, expect, it } from 'vitest';
import { checkOutgoing, KNOWN_REQUESTS, nextId } from '../../../src/session/console-check.js';

const none = (_id: string | number) => false;
const error = (text: string, inFlight = none) => {
  const c = checkOutgoing(text, inFlight);
  if (c.ok) throw new Error('accepted');
  return c.error;
};

describe('checkOutgoing', () => {
  it('accepts a valid request and a valid notification', () => {
    expect(checkOutgoing('{"jsonrpc":"2.0","id":"console-1","method":"tools/list","params":{}}', none)).toEqual({
      ok: true,
      message: { jsonrpc: '2.0', id: 'console-1', method: 'tools/list', params: {} },
    });
    expect(checkOutgoing('{"jsonrpc":"2.0","method":"notifications/initialized"}', none).ok).toBe(true);
  });

  it('reports malformed JSON, a non-JSON-RPC message and a response', () => {
    expect(error('{"jsonrpc":')).toMatch(/^Not JSON: /);
    expect(error('{"id":1,"method":"ping"}')).toMatch(/^Not a JSON-RPC 2\.0 message/);
    expect(error('[]')).toMatch(/^Not a JSON-RPC 2\.0 message/);
    // Said once, not wrapped around the transport's own wording of it.
    expect(error('[]')).not.toMatch(/message: not a JSON-RPC/i);
    expect(error('{"jsonrpc":"2.0","id":1,"result":{}}')).toMatch(/^Responses cannot be sent/);
  });

  it('reports a message over the 4 MiB limit before parsing it', () => {
    const huge = `{"jsonrpc":"2.0","id":1,"method":"ping","params":{"p":"${'p'.repeat(4 * 2 ** 20)}"}}`;
    expect(error(huge)).toBe(`Too large: the message is ${huge.length} characters; the limit is 4194304 (4 MiB)`);
  });

  it('checks the params of MCP methods and names the bad field', () => {
    expect(error('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":5}}')).toMatch(/^Invalid tools\/call request: params\.name: /);
    expect(error('{"jsonrpc":"2.0","id":1,"method":"resources/read","params":{}}')).toMatch(/params\.uri/);
    expect(error('{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":{}}}')).toMatch(/^Invalid notifications\/cancelled notification/);
  });

  it('lets unknown methods through with a note (the server will answer)', () => {
    const c = checkOutgoing('{"jsonrpc":"2.0","id":1,"method":"x/y"}', none);
    expect(c).toMatchObject({ ok: true, note: 'x/y is not an MCP client request; sent as is' });
  });

  it('refuses an id that is in flight', () => {
    expect(error('{"jsonrpc":"2.0","id":4,"method":"ping"}', (id) => id === 4)).toMatch(/id 4 is already in flight/);
  });

  it('knows the MCP client requests', () => {
    expect(KNOWN_REQUESTS).toEqual(expect.arrayContaining(['initialize', 'ping', 'tools/call', 'resources/read', 'prompts/get', 'completion/complete', 'logging/setLevel']));
  });
});

describe('nextId', () => {
  it('counts console ids up and leaves others alone', () => {
    expect(nextId('console-9')).toBe('console-10');
    expect(nextId(3)).toBeUndefined();
    expect(nextId('mine')).toBeUndefined();
  });
});
