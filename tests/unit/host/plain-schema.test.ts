/** WIT types to JSON Schema (src/host/plain/schema.ts) and the tools derived from a world (tools.ts). */
import { Validator } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { schemaProblem } from '../../../src/host/schema-check.js';
import { schemaOf } from '../../../src/host/plain/schema.js';
import { plainTools } from '../../../src/host/plain/tools.js';
import { parseExports } from '../../../src/host/plain/wit-parse.js';
import type { WitType } from '../../../src/host/plain/wit-types.js';

const valid = (type: WitType, value: unknown) => new Validator(schemaOf(type), '2020-12').validate(value).valid;

describe('schemaOf', () => {
  it('gives every integer width its range; 64-bit ones also as decimal strings', () => {
    expect(schemaOf({ kind: 'u8' })).toEqual({ type: 'integer', minimum: 0, maximum: 255 });
    expect(schemaOf({ kind: 's16' })).toEqual({ type: 'integer', minimum: -32768, maximum: 32767 });
    expect(schemaOf({ kind: 'u32' })).toEqual({ type: 'integer', minimum: 0, maximum: 4294967295 });
    expect(schemaOf({ kind: 's64' })).toMatchObject({
      anyOf: [
        { type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER },
        { type: 'string', pattern: '^(0|-?[1-9][0-9]{0,18})$' },
      ],
    });
    const u64: WitType = { kind: 'u64' };
    for (const ok of [0, 42, Number.MAX_SAFE_INTEGER, '18446744073709551615', '0']) expect(valid(u64, ok), String(ok)).toBe(true);
    for (const bad of [-1, 1.5, 2 ** 60, '-1', '01', '1e3', ' 1']) expect(valid(u64, bad), String(bad)).toBe(false);
    expect(valid({ kind: 's8' }, -129)).toBe(false);
  });

  it('maps floats, chars, strings and bools', () => {
    for (const ok of [1.5, -0, 'NaN', 'Infinity', '-Infinity']) expect(valid({ kind: 'f32' }, ok)).toBe(true);
    expect(valid({ kind: 'f64' }, 'nan')).toBe(false);
    expect(valid({ kind: 'char' }, '🦀')).toBe(true);
    expect(valid({ kind: 'char' }, 'ab')).toBe(false);
    expect(valid({ kind: 'char' }, '')).toBe(false);
    expect(schemaOf({ kind: 'bool' })).toEqual({ type: 'boolean' });
    expect(schemaOf({ kind: 'string' })).toEqual({ type: 'string' });
  });

  it('maps lists, tuples and options', () => {
    expect(schemaOf({ kind: 'list', of: { kind: 'u8' } })).toEqual({ type: 'array', items: { type: 'integer', minimum: 0, maximum: 255 } });
    expect(schemaOf({ kind: 'list', of: { kind: 'bool' }, length: 2 })).toEqual({ type: 'array', items: { type: 'boolean' }, minItems: 2, maxItems: 2 });
    const tuple: WitType = { kind: 'tuple', of: [{ kind: 'string' }, { kind: 'bool' }] };
    expect(schemaOf(tuple)).toEqual({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'boolean' }], minItems: 2, maxItems: 2 });
    expect(valid(tuple, ['a', true])).toBe(true);
    expect(valid(tuple, [true, 'a'])).toBe(false);
    expect(valid(tuple, ['a', true, 1])).toBe(false);
    expect(schemaOf({ kind: 'option', of: { kind: 'string' } })).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }] });
  });

  it('maps records, enums and flags with their WIT names and docs', () => {
    const record: WitType = {
      kind: 'record',
      name: 'r',
      docs: 'A record.',
      fields: [
        { name: 'first-name', type: { kind: 'string' }, docs: 'The name.' },
        { name: 'nick', type: { kind: 'option', of: { kind: 'string' } } },
      ],
    };
    expect(schemaOf(record)).toEqual({
      description: 'A record.',
      type: 'object',
      properties: { 'first-name': { description: 'The name.', type: 'string' }, nick: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
      required: ['first-name'],
      additionalProperties: false,
    });
    expect(valid(record, { 'first-name': 'a' })).toBe(true);
    expect(valid(record, { 'first-name': 'a', nick: null })).toBe(true);
    expect(valid(record, { firstName: 'a' })).toBe(false);
    expect(schemaOf({ kind: 'enum', name: 'e', cases: ['a', 'b-c'] })).toEqual({ type: 'string', enum: ['a', 'b-c'] });
    const flags: WitType = { kind: 'flags', name: 'f', flags: ['read', 'write'] };
    expect(schemaOf(flags)).toEqual({ type: 'array', items: { enum: ['read', 'write'] }, uniqueItems: true });
    expect(valid(flags, ['write', 'read'])).toBe(true);
    expect(valid(flags, ['read', 'read'])).toBe(false);
  });

  it('maps variants to tagged objects and results to ok/err objects', () => {
    const variant: WitType = { kind: 'variant', name: 'v', cases: [{ name: 'none' }, { name: 'num', type: { kind: 'u8' } }] };
    expect(valid(variant, { tag: 'none' })).toBe(true);
    expect(valid(variant, { tag: 'num', value: 3 })).toBe(true);
    expect(valid(variant, { tag: 'num' })).toBe(false);
    expect(valid(variant, { tag: 'none', value: 1 })).toBe(false);
    expect(valid(variant, { tag: 'other' })).toBe(false);
    const result: WitType = { kind: 'result', ok: { kind: 'string' } };
    expect(valid(result, { ok: 'x' })).toBe(true);
    expect(valid(result, { err: null })).toBe(true);
    expect(valid(result, { ok: 'x', err: null })).toBe(false);
    expect(valid(result, {})).toBe(false);
  });

  it('makes only structurally valid schemas, as the registry checks them', () => {
    const wit = parseExports('world w { record p { a: u64, b: list<tuple<char, f32>> } variant v { x(p), y } export f: func(v: v, r: result<p, v>); }');
    const tools = plainTools(wit, new Map()).tools;
    expect(schemaProblem(tools[0].inputSchema)).toBeUndefined();
  });
});

describe('plainTools', () => {
  const WIT = `world w {
    /// Reads a file.
    export read-file: func(path: string) -> string;
    /// Operations.
    export ops: interface { f: func(); }
    export iface0: interface { f: func(a: u8) -> u8; resource r { constructor(); } g: func(x: r); }
    export iface1: interface { f: func(); }
  }`;
  const names = new Map([
    ['iface0', 'a:one/util@1.0.0'],
    ['iface1', 'b:two/util'],
  ]);
  const { tools, left } = plainTools(parseExports(WIT), names);

  it('names world functions as themselves and interface functions by interface, with the package only where two share a name', () => {
    expect(tools.map((t) => t.name)).toEqual(['read-file', 'ops.f', 'a.one.util.1.0.0.f', 'a.one.util.1.0.0.g', 'b.two.util.f']);
    expect(tools.map((t) => t.iface)).toEqual([undefined, 'ops', 'a:one/util@1.0.0', 'a:one/util@1.0.0', 'b:two/util']);
  });

  it('describes from docs, or else from the signature', () => {
    expect(tools[0].description).toBe('Reads a file.');
    expect(tools[1].description).toBe('Calls f of the exported interface ops: func()\n\nOperations.');
    expect(tools[2].description).toBe('Calls f of the exported interface a:one/util@1.0.0: func(a: u8) -> u8');
    expect(tools[2].inputSchema).toEqual({
      type: 'object',
      properties: { a: { description: 'u8', type: 'integer', minimum: 0, maximum: 255 } },
      required: ['a'],
      additionalProperties: false,
    });
    expect(tools[2].outputSchema).toEqual({
      type: 'object',
      properties: { result: { type: 'integer', minimum: 0, maximum: 255 } },
      required: ['result'],
      additionalProperties: false,
    });
  });

  it('refuses calls to functions with handles and leaves resource functions out, saying so', () => {
    expect(tools[3].refusal).toMatch(/uses resource handle r, which has no JSON form/);
    expect(tools[2].refusal).toBeUndefined();
    expect(left).toEqual(['a.one.util.1.0.0.[constructor]r (resource constructors and methods are not tools)']);
  });

  it('leaves out names MCP does not allow', () => {
    const long = `f${'-x'.repeat(70)}`;
    const result = plainTools(parseExports(`world w { export ${long}: func(); }`), new Map());
    expect(result.tools).toEqual([]);
    expect(result.left).toEqual([`${long} (not a valid MCP tool name: over 128 characters)`]);
  });
});
