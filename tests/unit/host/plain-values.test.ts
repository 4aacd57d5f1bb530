/** JSON <-> the JavaScript values of jco's bindings (src/host/plain/values.ts). */
import { describe, expect, it } from 'vitest';
import { camel, fromGuest, toGuest, ValueError } from '../../../src/host/plain/values.js';
import type { WitType } from '../../../src/host/plain/wit-types.js';

const point: WitType = {
  kind: 'record',
  name: 'point',
  fields: [
    { name: 'x-pos', type: { kind: 's32' } },
    { name: 'label', type: { kind: 'option', of: { kind: 'string' } } },
  ],
};
const perms: WitType = { kind: 'flags', name: 'perms', flags: ['read', 'write-all'] };
const shape: WitType = { kind: 'variant', name: 'shape', cases: [{ name: 'empty' }, { name: 'at', type: point }] };
const outcome: WitType = { kind: 'result', ok: { kind: 'u64' }, err: { kind: 'string' } };

/** [type, JSON, the value jco takes and gives] */
const CASES: [string, WitType, unknown, unknown][] = [
  ['bool', { kind: 'bool' }, true, true],
  ['string', { kind: 'string' }, 'ä', 'ä'],
  ['char', { kind: 'char' }, '🦀', '🦀'],
  ['u8', { kind: 'u8' }, 255, 255],
  ['s32', { kind: 's32' }, -2147483648, -2147483648],
  ['u64 max', { kind: 'u64' }, '18446744073709551615', 18446744073709551615n],
  ['s64 min', { kind: 's64' }, '-9223372036854775808', -9223372036854775808n],
  ['s64 small', { kind: 's64' }, -5, -5n],
  ['f64', { kind: 'f64' }, 0.1, 0.1],
  ['f32 NaN', { kind: 'f32' }, 'NaN', NaN],
  ['f64 -Infinity', { kind: 'f64' }, '-Infinity', -Infinity],
  ['list<u8>', { kind: 'list', of: { kind: 'u8' } }, [0, 255], new Uint8Array([0, 255])],
  ['list<string>', { kind: 'list', of: { kind: 'string' } }, ['a'], ['a']],
  ['tuple', { kind: 'tuple', of: [{ kind: 'string' }, { kind: 'u64' }] }, ['a', 1], ['a', 1n]],
  ['option some', { kind: 'option', of: { kind: 'u8' } }, 3, 3],
  ['option none', { kind: 'option', of: { kind: 'u8' } }, null, undefined],
  ['record', point, { 'x-pos': 1, label: 'p' }, { xPos: 1, label: 'p' }],
  ['record, option null', point, { 'x-pos': 1, label: null }, { xPos: 1, label: undefined }],
  ['enum', { kind: 'enum', name: 'e', cases: ['a-b'] }, 'a-b', 'a-b'],
  ['flags', perms, ['write-all'], { read: false, writeAll: true }],
  ['variant with payload', shape, { tag: 'at', value: { 'x-pos': 2, label: null } }, { tag: 'at', val: { xPos: 2, label: undefined } }],
  ['variant without', shape, { tag: 'empty' }, { tag: 'empty' }],
  ['result ok', outcome, { ok: 7 }, { tag: 'ok', val: 7n }],
  ['result err', outcome, { err: 'no' }, { tag: 'err', val: 'no' }],
  ['result without payloads', { kind: 'result' }, { ok: null }, { tag: 'ok', val: undefined }],
];

describe('toGuest and fromGuest', () => {
  it.each(CASES)('%s: JSON to jco and back', (_, type, json, js) => {
    expect(toGuest(type, json)).toEqual(js);
    expect(fromGuest(type, js)).toEqual(json);
  });

  it('takes a left-out option field or a 64-bit decimal string, and gives back null or a number where exact', () => {
    expect(toGuest(point, { 'x-pos': 1 })).toEqual({ xPos: 1, label: undefined });
    expect(toGuest({ kind: 'u64' }, '12')).toBe(12n);
    expect(fromGuest({ kind: 'u64' }, 12n)).toBe(12);
    expect(fromGuest({ kind: 'u64' }, 9007199254740993n)).toBe('9007199254740993');
    expect(fromGuest({ kind: 'u64' }, 5)).toBe(5); // componentize-qjs gives u64 as a number
  });
});

describe('toGuest refusals name the place', () => {
  const refused = (type: WitType, json: unknown) => {
    try {
      toGuest(type, json, '/arg');
    } catch (e) {
      expect(e).toBeInstanceOf(ValueError);
      return (e as ValueError).message;
    }
    throw new Error('accepted');
  };

  it('for numbers out of range or imprecise', () => {
    expect(refused({ kind: 'u8' }, 256)).toBe('/arg: 256 is out of range for u8 (0 to 255)');
    expect(refused({ kind: 'u64' }, '18446744073709551616')).toMatch(/^\/arg: 18446744073709551616 is out of range for u64/);
    expect(refused({ kind: 's64' }, 2 ** 60)).toMatch(/beyond 2\^53 .* give it as a decimal string/);
    expect(refused({ kind: 'u32' }, '5')).toBe('/arg: expected an integer, got string');
    expect(refused({ kind: 'u32' }, 1.5)).toBe('/arg: expected an integer, got number');
  });

  it('for chars that are not one scalar value', () => {
    expect(refused({ kind: 'char' }, 'ab')).toMatch(/one Unicode scalar value/);
    expect(refused({ kind: 'char' }, '\uD800')).toMatch(/one Unicode scalar value/);
  });

  it('inside records, lists, variants and results', () => {
    const list: WitType = { kind: 'list', of: point };
    expect(refused(list, [{ 'x-pos': 1 }, { 'x-pos': 'a' }])).toBe('/arg/1/x-pos: expected an integer, got string');
    expect(refused(point, {})).toBe('/arg/x-pos: is missing');
    expect(refused(point, { 'x-pos': 1, y: 2 })).toBe('/arg/y: record point has no field y');
    expect(refused(shape, { tag: 'round' })).toBe('/arg/tag: expected one of empty, at');
    expect(refused(shape, { tag: 'empty', value: 1 })).toBe('/arg/value: case empty takes no value');
    expect(refused(outcome, { ok: 1, err: 'x' })).toMatch(/exactly one of "ok", "err"/);
    expect(refused(outcome, { err: 1 })).toBe('/arg/err: expected a string, got number');
    expect(refused(perms, ['read', 'exec'])).toBe('/arg: "exec" is not a flag of perms');
    expect(refused({ kind: 'list', of: { kind: 'u8' }, length: 2 }, [1])).toBe('/arg: expected 2 items, got 1');
    expect(refused({ kind: 'handle', resource: 'r', borrow: true }, 1)).toBe('/arg: this type cannot be given as JSON');
  });
});

it('camel follows jco: lowerCamelCase of kebab words', () => {
  expect(camel('read-file')).toBe('readFile');
  expect(camel('x')).toBe('x');
  expect(camel('HTTP-request-v2')).toBe('httpRequestV2');
});
