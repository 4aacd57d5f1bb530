/**
 * JSON Schema for WIT types, as tool input and output schemas: draft 2020-12,
 * MCP's dialect when a schema names none, so none is named. The JSON forms
 * (docs/plain-components.md):
 *
 * - integers: JSON integers within the type's range; u64/s64 also as decimal
 *   strings, as a JSON number is exact only up to 2^53 (output uses a number
 *   when it is exact, a string otherwise)
 * - f32/f64: numbers, or "NaN" / "Infinity" / "-Infinity"
 * - char: a string of one code point; string, bool: themselves
 * - list: an array (list<u8>: of integers 0-255); tuple: an array with
 *   prefixItems and its exact length (no `items: false`, which a draft-07
 *   validator, as many clients use, would read as "no items at all")
 * - option: the value, or null (a parameter or field of option type may be left out)
 * - record: an object with the WIT field names; enum: a string
 * - flags: an array of the names of the flags that are set
 * - variant: {"tag": case, "value": payload}; result: {"ok": value} or {"err": value}
 */
import type { IntegerKind, WitType } from './wit-types.js';

export type Schema = Record<string, unknown>;

export const INTEGER_RANGE: Record<IntegerKind, readonly [bigint, bigint]> = {
  u8: [0n, 255n],
  u16: [0n, 65535n],
  u32: [0n, 4294967295n],
  u64: [0n, 18446744073709551615n],
  s8: [-128n, 127n],
  s16: [-32768n, 32767n],
  s32: [-2147483648n, 2147483647n],
  s64: [-9223372036854775808n, 9223372036854775807n],
};

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const NON_FINITE = ['NaN', 'Infinity', '-Infinity'];

function integerSchema(kind: IntegerKind): Schema {
  const [min, max] = INTEGER_RANGE[kind];
  if (kind !== 'u64' && kind !== 's64') return { type: 'integer', minimum: Number(min), maximum: Number(max) };
  const clamp = (n: bigint) => Number(n < -SAFE ? -SAFE : n > SAFE ? SAFE : n);
  return {
    description: `${kind}: ${min} to ${max}; beyond ±2^53 as a decimal string to stay exact`,
    anyOf: [
      { type: 'integer', minimum: clamp(min), maximum: clamp(max) },
      { type: 'string', pattern: kind === 'u64' ? '^(0|[1-9][0-9]{0,19})$' : '^(0|-?[1-9][0-9]{0,18})$' },
    ],
  };
}

const withDocs = (schema: Schema, docs: string | undefined): Schema => (docs === undefined ? schema : { description: docs, ...schema });

export function schemaOf(type: WitType): Schema {
  switch (type.kind) {
    case 'bool':
      return { type: 'boolean' };
    case 'string':
      return { type: 'string' };
    case 'char':
      return { type: 'string', minLength: 1, maxLength: 1, description: 'one Unicode scalar value' };
    case 'f32':
    case 'f64':
      return { anyOf: [{ type: 'number' }, { enum: NON_FINITE }] };
    case 'u8':
    case 'u16':
    case 'u32':
    case 'u64':
    case 's8':
    case 's16':
    case 's32':
    case 's64':
      return integerSchema(type.kind);
    case 'list': {
      const schema: Schema = { type: 'array', items: schemaOf(type.of) };
      if (type.length !== undefined) Object.assign(schema, { minItems: type.length, maxItems: type.length });
      return schema;
    }
    case 'tuple':
      return {
        type: 'array',
        prefixItems: type.of.map(schemaOf),
        minItems: type.of.length,
        maxItems: type.of.length,
      };
    case 'option':
      return { anyOf: [schemaOf(type.of), { type: 'null' }] };
    case 'result':
      return {
        oneOf: (['ok', 'err'] as const).map((side) => {
          const payload = type[side];
          return {
            type: 'object',
            properties: { [side]: payload ? schemaOf(payload) : { type: 'null' } },
            required: [side],
            additionalProperties: false,
          };
        }),
      };
    case 'record':
      return withDocs(objectSchema(type.fields.map((f) => ({ ...f, schema: withDocs(schemaOf(f.type), f.docs) }))), type.docs);
    case 'enum':
      return withDocs({ type: 'string', enum: type.cases }, type.docs);
    case 'flags':
      return withDocs({ type: 'array', items: { enum: type.flags }, uniqueItems: true }, type.docs);
    case 'variant':
      return withDocs(
        {
          oneOf: type.cases.map((c) => {
            const properties: Schema = { tag: { const: c.name } };
            if (c.type) properties.value = schemaOf(c.type);
            return withDocs(
              { type: 'object', properties, required: c.type ? ['tag', 'value'] : ['tag'], additionalProperties: false },
              c.docs,
            );
          }),
        },
        type.docs,
      );
    case 'handle':
      return { description: `a handle to resource ${type.resource}, which cannot be given as JSON` };
    case 'unsupported':
      return { description: `${type.why}, which cannot be given as JSON` };
  }
}

/** An object whose properties are `fields`; those not of option type are required. */
export function objectSchema(fields: { name: string; type: WitType; schema?: Schema }[]): Schema {
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, f.schema ?? schemaOf(f.type)])),
    required: fields.filter((f) => f.type.kind !== 'option').map((f) => f.name),
    additionalProperties: false,
  };
}

/** The output schema of a function's return value, carried as `{ "result": ... }`. */
export function outputSchemaOf(result: WitType): Schema {
  // An err is a tool error, not structured content: only the ok value is described.
  const value: Schema = result.kind === 'result' ? (result.ok ? schemaOf(result.ok) : { type: 'null' }) : schemaOf(result);
  return { type: 'object', properties: { result: value }, required: ['result'], additionalProperties: false };
}
