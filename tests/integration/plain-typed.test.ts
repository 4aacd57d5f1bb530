/**
 * The `typed` example, a component without wasi:mcp, served by the host core
 * to the SDK Client: each exported function is a tool whose schemas come from
 * its WIT types, every type round-trips between JSON and the component, bad
 * arguments are refused before the component runs, and an err is a tool error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleBytes } from '../helpers/examples.js';
import { connect, type Connected } from '../helpers/in-memory.js';

let c: Connected;
beforeAll(async () => {
  c = await connect(exampleBytes('typed'));
});
afterAll(async () => c?.close());

const call = (name: string, args: Record<string, unknown> = {}) => c.client.callTool({ name, arguments: args });
const result = async (name: string, args: Record<string, unknown> = {}) => {
  const r = await call(name, args);
  expect(r.isError).toBeFalsy();
  expect(JSON.parse((r.content as { text: string }[])[0].text)).toEqual((r.structuredContent as { result: unknown }).result);
  return (r.structuredContent as { result: unknown }).result;
};
/** How many calls reached the component, this one included. */
const calls = async () => Number(await result('ops.calls'));

describe('derived tools', () => {
  it('lists every exported function, world-level by name and interface ones as <interface>.<function>', async () => {
    const { tools } = await c.client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      'greet',
      ...['distance', 'area', 'echo', 'echo-integers', 'divide', 'check-even', 'next-color', 'grant-write', 'swap']
        .concat(['maybe-greet', 'first-char', 'sum', 'reverse-bytes', 'calls', 'nothing', 'open-tally', 'read-tally'])
        .map((f) => `ops.${f}`),
    ]);
  });

  it('describes each tool by its signature, as the component carries no docs', async () => {
    const { tools } = await c.client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get('greet')!.description).toBe('Calls the exported function greet: func(name: string) -> string');
    expect(byName.get('ops.distance')!.description).toBe(
      'Calls distance of the exported interface example:plain/ops: func(a: point, b: point) -> f64',
    );
    expect(byName.get('ops.distance')!.inputSchema).toMatchObject({
      type: 'object',
      required: ['a', 'b'],
      properties: { a: { description: 'point', type: 'object', required: ['x', 'y'], additionalProperties: false } },
    });
    expect(byName.get('ops.maybe-greet')!.inputSchema.required).toEqual([]);
    expect(byName.get('ops.divide')!.outputSchema).toEqual({
      type: 'object',
      properties: { result: { type: 'integer', minimum: -2147483648, maximum: 2147483647 } },
      required: ['result'],
      additionalProperties: false,
    });
    expect(byName.get('ops.nothing')!.outputSchema).toBeUndefined();
  });

  it('names the server after the interface package and says what it does not serve', async () => {
    expect(c.client.getServerVersion()).toEqual({ name: 'example:plain', version: '0.0.0' });
    expect(c.client.getInstructions()).toMatch(/does not implement wasi:mcp/);
    expect(c.client.getInstructions()).toMatch(/ops\.\[constructor\]tally .*ops\.\[method\]tally\.value/);
  });
});

describe('values round-trip', () => {
  const everything = {
    ints: { a: 255, b: 65535, c: 4294967295, d: '18446744073709551615', e: -128, f: -32768, g: -2147483648, h: '-9223372036854775808' },
    small: 1.5,
    big: -0.1,
    letter: '🦀',
    text: 'naïve "quoted" text',
    yes: true,
    color: 'green',
    perms: ['read', 'execute'],
    shape: { tag: 'rectangle', value: { x: 2, y: 3 } },
    maybe: 'here',
    pair: ['p', 7],
    bytes: [0, 1, 254, 255],
    points: [{ x: 1, y: 2 }, { x: -3.25, y: 0 }],
    outcome: { ok: 42 },
  };

  it('echoes a record holding every kind of value', async () => {
    expect(await result('ops.echo', { value: everything })).toEqual(everything);
  });

  it('gives a left-out option back as null, and carries other variant and result cases', async () => {
    const { maybe: _, ...noMaybe } = everything;
    const other = { ...noMaybe, shape: { tag: 'empty' }, outcome: { err: 'bad' }, perms: [], big: 'NaN', small: '-Infinity' };
    expect(await result('ops.echo', { value: other })).toEqual({ ...other, maybe: null });
  });

  it('keeps every integer width exact at both ends, 64-bit beyond 2^53 as decimal strings', async () => {
    const low = { a: 0, b: 0, c: 0, d: 0, e: -128, f: -32768, g: -2147483648, h: '-9223372036854775808' };
    const high = { a: 255, b: 65535, c: 4294967295, d: '18446744073709551615', e: 127, f: 32767, g: 2147483647, h: '9223372036854775807' };
    expect(await result('ops.echo-integers', { value: low })).toEqual(low);
    expect(await result('ops.echo-integers', { value: high })).toEqual(high);
    // A 64-bit value within ±2^53 may be a string in and comes back as a number.
    expect(await result('ops.echo-integers', { value: { ...low, d: '9007199254740991', h: '-5' } })).toEqual({ ...low, d: 9007199254740991, h: -5 });
  });

  it('carries each type through a function of its own', async () => {
    expect(await result('greet', { name: 'Ada' })).toBe('Hello, Ada!');
    expect(await result('ops.distance', { a: { x: 0, y: 0 }, b: { x: 3, y: 4 } })).toBe(5);
    expect(await result('ops.area', { s: { tag: 'circle', value: 1 } })).toBeCloseTo(Math.PI);
    expect(await result('ops.next-color', { c: 'blue' })).toBe('red');
    expect(await result('ops.grant-write', { p: ['execute'] })).toEqual(['write', 'execute']);
    expect(await result('ops.swap', { t: ['x', '-9007199254740993'] })).toEqual(['-9007199254740993', 'x']);
    expect(await result('ops.maybe-greet', { name: 'Bo' })).toBe('hello, Bo');
    expect(await result('ops.maybe-greet', { name: null })).toBeNull();
    expect(await result('ops.maybe-greet')).toBeNull();
    expect(await result('ops.first-char', { text: '€uro' })).toBe('€');
    expect(await result('ops.first-char', { text: '' })).toBeNull();
    expect(await result('ops.sum', { values: [0.5, 0.25, 2] })).toBe(2.75);
    expect(await result('ops.sum', { values: [0.1] })).toBe(0.10000000149011612); // an f32 comes back as jco's double
    expect(await result('ops.reverse-bytes', { data: [1, 2, 255] })).toEqual([255, 2, 1]);
    expect(await call('ops.nothing')).toEqual({ content: [{ type: 'text', text: 'null' }] });
  });
});

describe('errors', () => {
  it('makes the err of a result return a tool error carrying the error value', async () => {
    expect(await call('ops.divide', { a: 7, b: 0 })).toEqual({
      content: [{ type: 'text', text: '{"err":"division by zero"}' }],
      isError: true,
    });
    expect(await call('ops.check-even', { n: 3 })).toEqual({
      content: [{ type: 'text', text: '{"err":{"code":422,"reason":"3 is odd"}}' }],
      isError: true,
    });
    expect(await result('ops.divide', { a: 7, b: -2 })).toBe(-3);
  });

  it('refuses wrong arguments before the component runs, naming the place', async () => {
    const before = await calls();
    const zeros = { a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0 };
    const refused: [string, Record<string, unknown>, RegExp][] = [
      ['ops.echo-integers', { value: { ...zeros, a: 256 } }, /#\/value\/a: 256 is greater than 255/],
      // Beyond 2^53 a JSON number has lost precision: the schema takes only a string there.
      ['ops.echo-integers', { value: { ...zeros, d: 2 ** 60 } }, /#\/value\/d: 1152921504606847000 is greater than 9007199254740991/],
      // A decimal string of the right shape but out of range: refused by the conversion, still before the call.
      ['ops.echo-integers', { value: { ...zeros, d: '18446744073709551616' } }, /\/value\/d: 18446744073709551616 is out of range for u64/],
      ['ops.distance', { a: { x: 0 }, b: { x: 0, y: 0 } }, /#\/a: Instance does not have required property "y"/],
      ['ops.next-color', { c: 'purple' }, /#\/c: Instance does not match any of \["red","green","blue"\]/],
      ['ops.grant-write', { p: ['read', 'read'] }, /#\/p: Duplicate items/],
      ['ops.area', { s: { tag: 'square', value: 1 } }, /#\/s\/tag: Instance does not match "circle"/],
      ['ops.first-char', { text: 1 }, /#\/text: Instance type "number" is invalid/],
      ['ops.swap', { t: ['x'] }, /#\/t: Array has too few items/],
      ['greet', { name: 'x', extra: true }, /#\/extra: False boolean schema/],
      ['greet', {}, /required property "name"/],
    ];
    for (const [name, args, place] of refused) {
      const e = await call(name, args).then(
        () => undefined,
        (error: unknown) => error as { code: number; message: string },
      );
      expect(e, `${name} ${JSON.stringify(args)}`).toMatchObject({ code: -32602 });
      expect(e!.message).toMatch(/Invalid arguments for tool/);
      expect(e!.message).toMatch(place);
    }
    expect(await calls()).toBe(before + 1);
  });

  it('lists functions with resource handles but refuses to call them, saying why', async () => {
    const before = await calls();
    const open = await call('ops.open-tally', { start: 1 });
    expect(open.isError).toBe(true);
    expect((open.content as { text: string }[])[0].text).toBe(
      'ops.open-tally cannot be called through MCP: its signature uses resource handle tally, which has no JSON form (func(start: u32) -> tally)',
    );
    expect((await call('ops.read-tally', { t: 1 })).content).toEqual([
      expect.objectContaining({ text: expect.stringMatching(/uses resource handle borrow<tally>/) }),
    ]);
    expect(await calls()).toBe(before + 1);
  });
});
