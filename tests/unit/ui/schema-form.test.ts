/** Schema-to-form: the field tree, initial values, and the edits the form makes. */
import { describe, expect, it } from 'vitest';
import { draftFromText, draftFromValue } from '../../../src/ui/forms/draft.js';
import {
  enumFromSelect,
  getIn,
  initialValue,
  missingRequired,
  newItem,
  optionLabel,
  parseNumber,
  removeAt,
  setIn,
  toField,
  type Field,
} from '../../../src/ui/forms/schema.js';

const schema = {
  type: 'object',
  required: ['name', 'count', 'user'],
  properties: {
    name: { type: 'string', title: 'Name', description: 'Who', minLength: 1 },
    count: { type: 'integer', minimum: 0, maximum: 10 },
    ratio: { type: 'number', default: 0.5 },
    on: { type: 'boolean' },
    mode: { enum: ['a', 'b', 3] },
    level: { oneOf: [{ const: 'low' }, { const: 'high' }] },
    tags: { type: 'array', items: { type: 'string' } },
    user: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, admin: { type: 'boolean' } } },
    maybe: { type: ['string', 'null'] },
    either: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    ref: { $ref: '#/$defs/point' },
  },
  $defs: { point: { type: 'object', properties: { x: { type: 'number' } } } },
};

const field = toField(schema);
const child = (key: string): Field => {
  if (field.kind !== 'object') throw new Error('not an object');
  return field.fields.find((f) => f.key === key)!;
};

describe('toField', () => {
  it('maps every JSON Schema shape the form supports', () => {
    expect(field.kind).toBe('object');
    expect(child('name')).toMatchObject({ kind: 'string', label: 'Name', description: 'Who', required: true, minLength: 1 });
    expect(child('count')).toMatchObject({ kind: 'integer', required: true, minimum: 0, maximum: 10 });
    expect(child('ratio')).toMatchObject({ kind: 'number', required: false, default: 0.5 });
    expect(child('on')).toMatchObject({ kind: 'boolean', label: 'on' });
    expect(child('mode')).toMatchObject({ kind: 'enum', options: ['a', 'b', 3] });
    expect(child('level')).toMatchObject({ kind: 'enum', options: ['low', 'high'] });
    expect(child('tags')).toMatchObject({ kind: 'array', item: { kind: 'string' } });
    expect(child('user')).toMatchObject({ kind: 'object', required: true, fields: [{ key: 'id', required: true }, { key: 'admin', kind: 'boolean' }] });
    expect(child('maybe')).toMatchObject({ kind: 'string' });
    expect(child('ref')).toMatchObject({ kind: 'object', fields: [{ key: 'x', kind: 'number' }] });
  });

  it('falls back to a JSON field for what a form cannot express', () => {
    expect(child('either').kind).toBe('json');
    expect(toField({ type: 'array', items: [{ type: 'string' }] }).kind).toBe('json');
    expect(toField({ $ref: '#/$defs/missing' }).kind).toBe('json');
    expect(toField({}).kind).toBe('json');
  });

  it('survives a self-referencing schema', () => {
    const tree = { $defs: { node: { type: 'object', properties: { next: { $ref: '#/$defs/node' } } } }, $ref: '#/$defs/node' };
    expect(() => toField(tree)).not.toThrow();
  });

  it('treats a tool without properties as taking no arguments', () => {
    expect(toField({ type: 'object' })).toMatchObject({ kind: 'object', fields: [] });
  });
});

describe('values', () => {
  it('starts from defaults and required objects, leaving other fields out', () => {
    expect(initialValue(field)).toEqual({ ratio: 0.5, user: {} });
    expect(initialValue(toField({ type: 'object', required: ['b'], properties: { b: { type: 'boolean' } } }))).toEqual({ b: false });
  });

  it('sets and reads nested values without mutating, and deletes keys set to undefined', () => {
    const before = { user: { id: 'a' }, tags: ['x'] };
    const after = setIn(before, ['user', 'admin'], true);
    expect(after).toEqual({ user: { id: 'a', admin: true }, tags: ['x'] });
    expect(before).toEqual({ user: { id: 'a' }, tags: ['x'] });
    expect(getIn(after, ['user', 'admin'])).toBe(true);
    expect(setIn(after, ['user', 'id'], undefined)).toEqual({ user: { admin: true }, tags: ['x'] });
    expect(setIn({}, ['tags', 1], 'y')).toEqual({ tags: [undefined, 'y'] });
    expect(removeAt({ tags: ['a', 'b', 'c'] }, ['tags'], 1)).toEqual({ tags: ['a', 'c'] });
    expect(getIn({ a: 1 }, ['a', 'b'])).toBeUndefined();
  });

  it('makes a blank array item of the right kind', () => {
    expect(newItem(toField({ type: 'string' }))).toBe('');
    expect(newItem(toField({ type: 'object', properties: {} }))).toEqual({});
    expect(newItem(toField({ enum: ['x', 'y'] }))).toBe('x');
    expect(newItem(toField({ type: 'number' }))).toBeUndefined();
  });

  it('parses number inputs: empty is absent, nonsense and a fraction for an integer are refused with a reason', () => {
    expect(parseNumber('', false)).toEqual({ value: undefined });
    expect(parseNumber('abc', false)).toEqual({ problem: 'must be a number' });
    expect(parseNumber('2.5', false)).toEqual({ value: 2.5 });
    expect(parseNumber('2.5', true)).toEqual({ problem: 'must be a whole number' });
    expect(parseNumber('3', true)).toEqual({ value: 3 });
    expect(parseNumber('-0', false)).toEqual({ value: -0 });
  });

  it('edits a nested object without properties as JSON, and a top-level one as an empty object', () => {
    const field = toField({ type: 'object', properties: { options: { type: 'object' } } });
    expect(field.kind === 'object' && field.fields[0]!.kind).toBe('json');
    expect(toField({ type: 'object' })).toMatchObject({ kind: 'object', fields: [] });
  });

  it('shows enum options by title, or as the value without JSON quotes', () => {
    expect(optionLabel({ options: ['a', 2, null] }, 0)).toBe('a');
    expect(optionLabel({ options: ['a', 2, null] }, 1)).toBe('2');
    expect(optionLabel({ options: ['a'], titles: ['The A'] }, 0)).toBe('The A');
  });

  it('maps select values back to enum options', () => {
    expect(enumFromSelect(['a', 3, null], '1')).toBe(3);
    expect(enumFromSelect(['a'], '-1')).toBeUndefined();
    expect(enumFromSelect(['a'], '')).toBeUndefined();
  });

  it('lists missing required values by path', () => {
    expect(missingRequired(field, initialValue(field))).toEqual(['name', 'count', 'user.id']);
    expect(missingRequired(field, { name: 'n', count: 0, user: { id: 'u' } })).toEqual([]);
    expect(missingRequired(field, { name: '', count: 1, user: { id: 'u' } })).toEqual(['name']);
    const list = toField({ type: 'array', items: { type: 'object', required: ['k'], properties: { k: { type: 'string' } } } }, 'list');
    expect(missingRequired(list, [{ k: 'a' }, {}])).toEqual(['list[1].k']);
  });
});

describe('form and JSON editor in sync', () => {
  it('writes the form value as pretty JSON', () => {
    expect(draftFromValue({ a: 1 })).toEqual({ value: { a: 1 }, text: '{\n  "a": 1\n}' });
    expect(draftFromValue(undefined)).toEqual({ value: {}, text: '{}' });
  });

  it('takes the editor text when it is a JSON object, and keeps the last good value otherwise', () => {
    const good = draftFromText(draftFromValue({}), '{"a": 2}');
    expect(good).toEqual({ value: { a: 2 }, text: '{"a": 2}' });
    const broken = draftFromText(good, '{"a": ');
    expect(broken.value).toEqual({ a: 2 });
    expect(broken.error).toMatch(/^not JSON: /);
    expect(draftFromText(good, '[1]').error).toBe('the arguments must be a JSON object');
    expect(draftFromText(good, '[1]').value).toEqual({ a: 2 });
  });
});
