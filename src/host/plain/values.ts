/**
 * Values between the JSON forms of schema.ts and the JavaScript values jco's
 * bindings take and give: records as objects with camelCase fields, variants
 * and results as { tag, val }, option<T> as T | undefined, enums as strings,
 * flags as objects of booleans (camelCase), tuples as arrays, list<u8> as
 * Uint8Array, u64/s64 as bigint, char as a one-code-point string.
 */
import { INTEGER_RANGE } from './schema.js';
import type { WitType } from './wit-types.js';

/** A JSON value that does not fit its WIT type; `path` is a JSON pointer to it within the arguments. */
export class ValueError extends Error {
  override name = 'ValueError';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path || '/'}: ${problem}`);
  }
}

/** jco's name for a kebab-case WIT name: lowerCamelCase. */
export function camel(name: string): string {
  return name
    .split('-')
    .map((word, i) => (i === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()))
    .join('');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);
const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

function oneKey(json: Record<string, unknown>, keys: string[], path: string): string {
  const present = Object.keys(json);
  if (present.length !== 1 || !keys.includes(present[0])) {
    throw new ValueError(path, `expected an object with exactly one of ${keys.map((k) => `"${k}"`).join(', ')}`);
  }
  return present[0];
}

function isScalarString(s: string): boolean {
  const points = [...s];
  return points.length === 1 && !/^[\uD800-\uDFFF]$/.test(points[0]);
}

function toInteger(kind: keyof typeof INTEGER_RANGE, json: unknown, path: string): number | bigint {
  let n: bigint;
  const wide = kind === 'u64' || kind === 's64';
  if (typeof json === 'number' && Number.isSafeInteger(json)) n = BigInt(json);
  else if (wide && typeof json === 'string' && /^-?(0|[1-9][0-9]*)$/.test(json)) n = BigInt(json);
  else if (typeof json === 'number' && Number.isInteger(json)) {
    throw new ValueError(path, `${json} is beyond 2^53 and may have lost precision; give it as a decimal string`);
  } else throw new ValueError(path, `expected an integer${wide ? ' (or a decimal string)' : ''}, got ${describe(json)}`);
  const [min, max] = INTEGER_RANGE[kind];
  if (n < min || n > max) throw new ValueError(path, `${n} is out of range for ${kind} (${min} to ${max})`);
  return wide ? n : Number(n);
}

/** The JavaScript value jco expects for `json` of WIT type `type`. */
export function toGuest(type: WitType, json: unknown, path = ''): unknown {
  switch (type.kind) {
    case 'bool':
      if (typeof json !== 'boolean') throw new ValueError(path, `expected a boolean, got ${describe(json)}`);
      return json;
    case 'string':
      if (typeof json !== 'string') throw new ValueError(path, `expected a string, got ${describe(json)}`);
      return json;
    case 'char':
      if (typeof json !== 'string' || !isScalarString(json)) throw new ValueError(path, 'expected a string of one Unicode scalar value');
      return json;
    case 'f32':
    case 'f64':
      if (typeof json === 'number') return json;
      if (typeof json === 'string' && json in NON_FINITE) return NON_FINITE[json];
      throw new ValueError(path, `expected a number, got ${describe(json)}`);
    case 'u8':
    case 'u16':
    case 'u32':
    case 'u64':
    case 's8':
    case 's16':
    case 's32':
    case 's64':
      return toInteger(type.kind, json, path);
    case 'list': {
      if (!Array.isArray(json)) throw new ValueError(path, `expected an array, got ${describe(json)}`);
      if (type.length !== undefined && json.length !== type.length) {
        throw new ValueError(path, `expected ${type.length} items, got ${json.length}`);
      }
      const items = json.map((item, i) => toGuest(type.of, item, `${path}/${i}`));
      return type.of.kind === 'u8' ? Uint8Array.from(items as number[]) : items;
    }
    case 'tuple':
      if (!Array.isArray(json) || json.length !== type.of.length) {
        throw new ValueError(path, `expected an array of ${type.of.length} items`);
      }
      return type.of.map((t, i) => toGuest(t, json[i], `${path}/${i}`));
    case 'option':
      return json === null || json === undefined ? undefined : toGuest(type.of, json, path);
    case 'result': {
      if (!isObject(json)) throw new ValueError(path, `expected {"ok": ...} or {"err": ...}, got ${describe(json)}`);
      const tag = oneKey(json, ['ok', 'err'], path) as 'ok' | 'err';
      const payload = type[tag];
      return { tag, val: payload ? toGuest(payload, json[tag], `${path}/${tag}`) : undefined };
    }
    case 'record': {
      if (!isObject(json)) throw new ValueError(path, `expected an object (record ${type.name}), got ${describe(json)}`);
      const unknown = Object.keys(json).find((k) => !type.fields.some((f) => f.name === k));
      if (unknown !== undefined) throw new ValueError(`${path}/${unknown}`, `record ${type.name} has no field ${unknown}`);
      const out: Record<string, unknown> = {};
      for (const f of type.fields) {
        if (json[f.name] === undefined && f.type.kind !== 'option') throw new ValueError(`${path}/${f.name}`, 'is missing');
        out[camel(f.name)] = toGuest(f.type, json[f.name], `${path}/${f.name}`);
      }
      return out;
    }
    case 'enum':
      if (typeof json !== 'string' || !type.cases.includes(json)) {
        throw new ValueError(path, `expected one of ${type.cases.join(', ')} (enum ${type.name})`);
      }
      return json;
    case 'flags': {
      if (!Array.isArray(json)) throw new ValueError(path, `expected an array of flag names (flags ${type.name})`);
      const bad = json.find((f) => typeof f !== 'string' || !type.flags.includes(f));
      if (bad !== undefined) throw new ValueError(path, `${JSON.stringify(bad)} is not a flag of ${type.name}`);
      return Object.fromEntries(type.flags.map((f) => [camel(f), json.includes(f)]));
    }
    case 'variant': {
      if (!isObject(json) || typeof json.tag !== 'string') throw new ValueError(path, `expected {"tag": ..., "value": ...} (variant ${type.name})`);
      const c = type.cases.find((x) => x.name === json.tag);
      if (!c) throw new ValueError(`${path}/tag`, `expected one of ${type.cases.map((x) => x.name).join(', ')}`);
      const extra = Object.keys(json).find((k) => k !== 'tag' && !(k === 'value' && c.type));
      if (extra !== undefined) throw new ValueError(`${path}/${extra}`, `case ${c.name} takes no ${extra}`);
      return c.type ? { tag: c.name, val: toGuest(c.type, json.value, `${path}/value`) } : { tag: c.name };
    }
    case 'handle':
    case 'unsupported':
      throw new ValueError(path, 'this type cannot be given as JSON');
  }
}

/** The JSON form of `value`, a JavaScript value of WIT type `type` returned by jco. */
export function fromGuest(type: WitType, value: unknown): unknown {
  switch (type.kind) {
    case 'u64':
    case 's64': {
      const n = BigInt(value as bigint | number);
      return n >= -BigInt(Number.MAX_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
    }
    case 'f32':
    case 'f64':
      return Number.isFinite(value) ? value : String(value);
    case 'list':
      return Array.from(value as ArrayLike<unknown>, (item) => fromGuest(type.of, item));
    case 'tuple':
      return type.of.map((t, i) => fromGuest(t, (value as unknown[])[i]));
    case 'option':
      return value === undefined || value === null ? null : fromGuest(type.of, value);
    case 'result': {
      const { tag, val } = value as { tag: 'ok' | 'err'; val: unknown };
      const payload = type[tag];
      return { [tag]: payload ? fromGuest(payload, val) : null };
    }
    case 'record': {
      const record = value as Record<string, unknown>;
      return Object.fromEntries(type.fields.map((f) => [f.name, fromGuest(f.type, record[camel(f.name)])]));
    }
    case 'flags': {
      const flags = value as Record<string, boolean>;
      return type.flags.filter((f) => flags[camel(f)]);
    }
    case 'variant': {
      const { tag, val } = value as { tag: string; val?: unknown };
      const c = type.cases.find((x) => x.name === tag);
      return c?.type ? { tag, value: fromGuest(c.type, val) } : { tag };
    }
    case 'handle':
    case 'unsupported':
      return null;
    default:
      return value;
  }
}
