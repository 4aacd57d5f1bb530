import { describe, expect, it } from 'vitest';
import { screen } from '../../../src/transport/screen.js';
import { LineTransport } from '../../../src/transport/lines.js';

const reply = (text: string) => {
  const s = screen(text, 1000);
  if (s.ok) throw new Error('accepted');
  return s.reply;
};

describe('screen', () => {
  it('passes valid messages through', () => {
    expect(screen('{"jsonrpc":"2.0","id":1,"method":"ping"}')).toEqual({
      ok: true,
      message: { jsonrpc: '2.0', id: 1, method: 'ping' },
    });
    expect(screen('{"jsonrpc":"2.0","method":"notifications/initialized"}').ok).toBe(true);
  });

  it('answers text that is not JSON with a parse error', () => {
    expect(reply('{"jsonrpc":')).toMatchObject({ id: null, error: { code: -32700 } });
  });

  it('answers invalid requests with -32600, keeping a usable id', () => {
    expect(reply('{"jsonrpc":"1.0","id":7,"method":"ping"}')).toMatchObject({ id: 7, error: { code: -32600 } });
    expect(reply('42')).toMatchObject({ id: null, error: { code: -32600 } });
    expect(reply('[{"jsonrpc":"2.0","id":1,"method":"ping"}]')).toMatchObject({ error: { message: /batches/ } });
  });

  it('drops a malformed notification without an answer', () => {
    expect(screen('{"jsonrpc":"2.0","method":5}')).toEqual({ ok: false });
  });

  it('answers bad params of a known method with -32602', () => {
    expect(reply('{"jsonrpc":"2.0","id":"a","method":"tools/call","params":{"name":3}}')).toMatchObject({
      id: 'a',
      error: { code: -32602, message: expect.stringMatching(/^Invalid params for tools\/call: params.name/) },
    });
  });

  it('answers a message over the size limit', () => {
    expect(reply(`{"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":"${'a'.repeat(2000)}"}}`)).toMatchObject({
      error: { code: -32600, message: expect.stringMatching(/the limit is 1000/) },
    });
  });
});

describe('ids a double cannot hold', () => {
  const answered = (lines: string[]) => {
    const transport = new LineTransport((line) => lines.push(line));
    transport.onmessage = (m) => {
      if ('id' in m && 'method' in m) void transport.send({ jsonrpc: '2.0', id: m.id, result: {} });
    };
    return transport;
  };

  it('answers an integer id above 2^53 under the same digits', () => {
    const lines: string[] = [];
    const transport = answered(lines);
    transport.receive('{"jsonrpc":"2.0","id":9007199254740993,"method":"ping"}');
    transport.receive('{"jsonrpc":"2.0","id":-123456789012345678901234567890,"method":"ping"}');
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(lines).toEqual([
          '{"jsonrpc":"2.0","id":9007199254740993,"result":{}}',
          '{"jsonrpc":"2.0","id":-123456789012345678901234567890,"result":{}}',
        ]);
        resolve();
      }, 10),
    );
  });

  it('refuses a fractional or exponent id, writing it back as it came', () => {
    const lines: string[] = [];
    const transport = answered(lines);
    transport.receive('{"jsonrpc":"2.0","id":1.5,"method":"ping"}');
    transport.receive('{"jsonrpc":"2.0","id":1e400,"method":"ping"}');
    expect(lines.map((l) => l.replace(/"error":.*/, ''))).toEqual(['{"jsonrpc":"2.0","id":1.5,', '{"jsonrpc":"2.0","id":1e400,']);
    expect(lines.every((l) => l.includes('-32600') && l.includes('an id must be a string or an integer'))).toBe(true);
  });

  it('leaves an id nested in params alone', () => {
    expect(screen('{"jsonrpc":"2.0","id":1,"method":"ping","params":{"_meta":{"id":9007199254740993}}}')).toMatchObject({
      ok: true,
      message: { id: 1 },
    });
  });
});
