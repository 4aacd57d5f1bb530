/**
 * From a tool's JSON Schema to a form: a tree of fields
 * the form renders, and pure functions that read and write the arguments
 * value the form and the JSON editor share. Whatever the form cannot express
 * (unions, $ref cycles, tuples) becomes a "json" field edited as JSON text.
 */
export type Path = readonly (string | number)[];
export type EnumValue = string | number | boolean | null;

interface FieldBase {
  /** Property name or array index label. */
  key: string;
  label: string;
  description?: string;
  required: boolean;
  default?: unknown;
}

export type Field =
  | (FieldBase & { kind: 'string'; format?: string; minLength?: number; maxLength?: number; pattern?: string })
  | (FieldBase & { kind: 'number' | 'integer'; minimum?: number; maximum?: number })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'enum'; options: EnumValue[]; /** What to show for each option, when the schema names them. */ titles?: string[] })
  | (FieldBase & { kind: 'array'; item: Field; minItems?: number; maxItems?: number })
  | (FieldBase & { kind: 'object'; fields: Field[] })
  | (FieldBase & { kind: 'json' });

type Schema = Record<string, unknown>;

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const MAX_DEPTH = 8;

/** Resolves a local `#/$defs/...` or `#/definitions/...` reference against the root schema. */
function resolveRef(schema: Schema, root: Schema): Schema | undefined {
  const ref = str(schema.$ref);
  if (!ref?.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    if (!isSchema(node)) return undefined;
    node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return isSchema(node) ? node : undefined;
}

/** The one type of a schema, ignoring "null" in a union such as ["string", "null"]. */
function typeOf(schema: Schema): string | undefined {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) {
    const types = t.filter((x): x is string => typeof x === 'string' && x !== 'null');
    return types.length === 1 ? types[0] : undefined;
  }
  if (isSchema(schema.properties)) return 'object';
  if (isSchema(schema.items)) return 'array';
  return undefined;
}

/**
 * Values of an `enum`, or of a `oneOf`/`anyOf` made only of `const`s, with
 * their titles when every option has one: the branches' `title`s, or the
 * legacy `enumNames` that MCP elicitation schemas still send.
 */
function enumOf(schema: Schema): { options: EnumValue[]; titles?: string[] } | undefined {
  const isEnumValue = (v: unknown): v is EnumValue => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  const named = (options: EnumValue[], titles: unknown[]) =>
    titles.length === options.length && titles.every((t): t is string => typeof t === 'string') ? { options, titles } : { options };
  if (Array.isArray(schema.enum) && schema.enum.every(isEnumValue)) return named(schema.enum, Array.isArray(schema.enumNames) ? schema.enumNames : []);
  const branches = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (branches?.every((b) => isSchema(b) && 'const' in b && isEnumValue(b.const))) {
    return named(
      branches.map((b) => (b as Schema).const as EnumValue),
      branches.map((b) => (b as Schema).title),
    );
  }
  return undefined;
}

export function toField(schema: unknown, key = '', required = false, root: unknown = schema, depth = 0): Field {
  let s: Schema = isSchema(schema) ? schema : {};
  const r = isSchema(root) ? root : {};
  if ('$ref' in s) {
    const resolved = depth < MAX_DEPTH ? resolveRef(s, r) : undefined;
    s = resolved ? { ...resolved, ...s, $ref: undefined } : s;
  }
  const base: FieldBase = { key, label: str(s.title) ?? key, required };
  const description = str(s.description);
  if (description !== undefined) base.description = description;
  if ('default' in s) base.default = s.default;
  if (('$ref' in s && s.$ref !== undefined) || depth > MAX_DEPTH) return { ...base, kind: 'json' };

  const choices = enumOf(s);
  if (choices) return { ...base, kind: 'enum', ...choices };
  switch (typeOf(s)) {
    case 'string':
      return { ...base, kind: 'string', format: str(s.format), minLength: num(s.minLength), maxLength: num(s.maxLength), pattern: str(s.pattern) };
    case 'number':
    case 'integer':
      return { ...base, kind: typeOf(s) as 'number' | 'integer', minimum: num(s.minimum), maximum: num(s.maximum) };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'array':
      if (!isSchema(s.items)) return { ...base, kind: 'json' };
      return { ...base, kind: 'array', item: toField(s.items, 'item', false, r, depth + 1), minItems: num(s.minItems), maxItems: num(s.maxItems) };
    case 'object': {
      // Below the top, an object that names no properties takes any JSON object: edited as JSON.
      if (depth > 0 && !isSchema(s.properties)) return { ...base, kind: 'json' };
      const props = isSchema(s.properties) ? s.properties : {};
      const req = new Set(Array.isArray(s.required) ? s.required.filter((x): x is string => typeof x === 'string') : []);
      const fields = Object.entries(props).map(([name, sub]) => toField(sub, name, req.has(name), r, depth + 1));
      return { ...base, kind: 'object', fields };
    }
    default:
      return { ...base, kind: 'json' };
  }
}

/**
 * The value a fresh form starts with: defaults where the schema has them,
 * required objects filled in, everything else left out (an empty field is an
 * absent key, never an empty string the user did not type).
 */
export function initialValue(field: Field): unknown {
  if (field.default !== undefined) return field.default;
  if (field.kind === 'object') {
    const out: Record<string, unknown> = {};
    for (const f of field.fields) {
      const v = f.required || f.default !== undefined ? initialValue(f) : undefined;
      if (v !== undefined) out[f.key] = v;
    }
    return out;
  }
  if (field.kind === 'boolean' && field.required) return false;
  return undefined;
}

/** A blank item to append to an array field. */
export function newItem(item: Field): unknown {
  const v = initialValue(item);
  if (v !== undefined) return v;
  switch (item.kind) {
    case 'string':
      return '';
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    case 'enum':
      return item.options[0];
    default:
      return undefined;
  }
}

export function getIn(value: unknown, path: Path): unknown {
  let node = value;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** A copy of `value` with `next` at `path`; undefined deletes an object key. Never mutates. */
export function setIn(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    list[head] = setIn(list[head], rest, next);
    return list;
  }
  const obj: Record<string, unknown> = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  const child = setIn(obj[head], rest, next);
  if (child === undefined) delete obj[head];
  else obj[head] = child;
  return obj;
}

/** A copy of the array at `path` without item `index`. */
export function removeAt(value: unknown, path: Path, index: number): unknown {
  const list = getIn(value, path);
  return setIn(value, path, Array.isArray(list) ? list.filter((_, i) => i !== index) : []);
}

/** What a number input's text means: a number, nothing (empty), or why it is neither. */
export function parseNumber(text: string, integer: boolean): { value: number | undefined } | { problem: string } {
  if (text.trim() === '') return { value: undefined };
  const n = Number(text);
  if (!Number.isFinite(n)) return { problem: 'must be a number' };
  if (integer && !Number.isInteger(n)) return { problem: 'must be a whole number' };
  return { value: n };
}

/** What an enum option shows: its title, or the value itself (a string without JSON quotes). */
export function optionLabel(field: { options: EnumValue[]; titles?: string[] }, index: number): string {
  const value = field.options[index];
  return field.titles?.[index] ?? (typeof value === 'string' ? value : JSON.stringify(value));
}

/** The enum option a <select> value string stands for (option values are indexes). */
export function enumFromSelect(options: EnumValue[], selected: string): EnumValue | undefined {
  if (selected === '') return undefined;
  return options[Number(selected)];
}

/** Paths of required values that are missing, as dotted strings ("a", "user.name", "tags[0]"). */
export function missingRequired(field: Field, value: unknown, path = ''): string[] {
  const here = path || field.key;
  if (value === undefined || value === '') return field.required ? [here] : [];
  if (field.kind === 'object' && typeof value === 'object' && value !== null) {
    return field.fields.flatMap((f) => missingRequired(f, (value as Record<string, unknown>)[f.key], path ? `${path}.${f.key}` : f.key));
  }
  if (field.kind === 'array' && Array.isArray(value)) {
    return value.flatMap((v, i) => missingRequired(field.item, v, `${here}[${i}]`));
  }
  return [];
}
