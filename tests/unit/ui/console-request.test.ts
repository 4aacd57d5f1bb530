/** The console's text saved as a call: only a request, as the kind of call it is, without its id or `_meta`. */
import { describe, expect, it } from 'vitest';
import { consoleRequest } from '../../../src/ui/features/collections/console-request.js';

describe('consoleRequest', () => {
  it('saves a request as the kind of call it is, and an unusual one as written without _meta', () => {
    expect(consoleRequest('{"jsonrpc":"2.0","id":"console-1","method":"resources/read","params":{"uri":"mem://greeting"}}')).toEqual({
      ok: true,
      request: { kind: 'resource', uri: 'mem://greeting' },
    });
    expect(consoleRequest('{"jsonrpc":"2.0","id":1,"method":"x/y","params":{"a":1,"_meta":{"k":2}}}')).toEqual({
      ok: true,
      request: { kind: 'request', method: 'x/y', params: { a: 1 } },
    });
  });

  it('refuses text that is not JSON, a notification, and params that are not an object', () => {
    expect(consoleRequest('{')).toMatchObject({ ok: false, problem: expect.stringMatching(/^Not saved: not JSON/) });
    expect(consoleRequest('{"jsonrpc":"2.0","method":"notifications/initialized"}')).toMatchObject({ ok: false, problem: expect.stringContaining('only a request') });
    expect(consoleRequest('{"jsonrpc":"2.0","id":1,"method":"ping","params":[1]}')).toMatchObject({ ok: false, problem: 'Not saved: params must be an object' });
  });
});
