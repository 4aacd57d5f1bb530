/** A schema that is garbage is refused at registration, saying where. */
import { describe, expect, it } from 'vitest';
import { MAX_SCHEMA_DEPTH, schemaProblem } from '../../../src/host/schema-check.js';

describe('schemaProblem', () => {
  it('accepts the schemas the examples register, booleans and draft-07 forms included', () => {
    expect(schemaProblem({ type: 'object', properties: { a: { type: 'number' } }, required: ['a'] })).toBeUndefined();
    expect(schemaProblem({ type: ['string', 'null'], enum: ['x', null], pattern: '^\\p{L}+$' })).toBeUndefined();
    expect(schemaProblem({ type: 'array', items: [{ type: 'string' }, true], additionalProperties: false })).toBeUndefined();
    expect(schemaProblem({ type: 'number', exclusiveMinimum: true, minimum: 0, $defs: { x: { anyOf: [{}, false] } } })).toBeUndefined();
  });

  it('names the place and the problem', () => {
    expect(schemaProblem({ type: 'object', properties: 5 })).toBe('#/properties: must be an object of schemas');
    expect(schemaProblem({ type: 'object', required: 'a' })).toBe('#/required: must be an array of property names');
    expect(schemaProblem({ properties: { a: { type: 'strng' } } })).toBe('#/properties/a/type: "strng" is not a JSON Schema type');
    expect(schemaProblem({ properties: { 'a/b': { pattern: '(' } } })).toMatch(/^#\/properties\/a~1b\/pattern: is not a regular expression/);
    expect(schemaProblem({ anyOf: [{}, 3] })).toBe('#/anyOf/1: a schema must be an object or a boolean');
    expect(schemaProblem({ items: { minItems: -1 } })).toBe('#/items/minItems: must be a non-negative integer');
    expect(schemaProblem({ patternProperties: { '[': {} } })).toMatch(/^#\/patternProperties\/\[: the name is not a regular expression/);
  });

  it('resolves each $ref within the schema: a pointer, an anchor or the root', () => {
    const defs = { $defs: { point: { $anchor: 'pt', type: 'object' }, 'a/b': { type: 'string' } } };
    for (const ref of ['#', '#/$defs/point', '#pt', '#/$defs/a~1b', '#/%24defs/point', 'urn:s#/$defs/point']) {
      expect(schemaProblem({ $id: 'urn:s', ...defs, properties: { p: { $ref: ref } } }), ref).toBeUndefined();
    }
    expect(schemaProblem({ ...defs, properties: { p: { $ref: '#/$defs/nope' } } })).toBe(
      '#/properties/p/$ref: "#/$defs/nope" points at nothing in this schema',
    );
    expect(schemaProblem({ properties: { p: { $ref: 'https://example.com/x.json' } } })).toBe(
      '#/properties/p/$ref: "https://example.com/x.json" is in another document, which the host cannot fetch',
    );
    expect(schemaProblem({ properties: { p: { $ref: 5 } } })).toBe('#/properties/p/$ref: must be a URI reference (a string)');
    // Under a nested $id, refs resolve against another base: left to the validator.
    expect(schemaProblem({ properties: { p: { $id: 'urn:other', $ref: 'x.json' } } })).toBeUndefined();
  });

  it('refuses nesting deeper than the limit instead of recursing without end', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i <= MAX_SCHEMA_DEPTH; i++) schema = { not: schema };
    expect(schemaProblem(schema)).toMatch(new RegExp(`nested deeper than ${MAX_SCHEMA_DEPTH} levels$`));
  });
});
