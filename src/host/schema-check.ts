/**
 * A structural check of a JSON Schema a component registers (a
 * component that registers garbage gets a specific error). The validator the
 * host uses for tool arguments accepts `"properties": 5` and `"required": "a"`
 * silently, compares against a misspelt type name at every call, and throws on
 * a `pattern` that is not a regular expression or a `$ref` that resolves to
 * nothing, at every call: refused here, once, with the
 * place in the schema named as a JSON pointer (`#/properties/a/type`).
 */
const TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'integer', 'string']);
/** Keywords whose value is a schema, a list of schemas, or a map of names to schemas. */
const ONE = ['additionalProperties', 'items', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const NUMBERS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
const COUNTS = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'];
/** Deeper schemas are refused rather than risk the host's stack. */
export const MAX_SCHEMA_DEPTH = 64;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const pointer = (path: string[]) => ['#', ...path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))].join('/');

function regexProblem(source: unknown): string | undefined {
  if (typeof source !== 'string') return 'must be a string';
  try {
    new RegExp(source, 'u');
    return undefined;
  } catch (e) {
    return `is not a regular expression (${(e as Error).message})`;
  }
}

function keywordProblem(schema: Record<string, unknown>, key: string): string | undefined {
  const value = schema[key];
  if (key === 'type') {
    const names = Array.isArray(value) ? value : [value];
    const bad = names.find((n) => typeof n !== 'string' || !TYPES.has(n));
    if (names.length === 0 || bad !== undefined) return `${JSON.stringify(bad ?? value)} is not a JSON Schema type`;
  }
  if (key === 'required' && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
    return 'must be an array of property names';
  }
  if (key === 'enum' && !Array.isArray(value)) return 'must be an array';
  if (key === '$ref' && typeof value !== 'string') return 'must be a URI reference (a string)';
  if (key === 'pattern') return regexProblem(value);
  if (NUMBERS.includes(key) && typeof value !== 'number' && !(key.startsWith('exclusive') && typeof value === 'boolean')) {
    return 'must be a number';
  }
  if (COUNTS.includes(key) && !(Number.isInteger(value) && (value as number) >= 0)) return 'must be a non-negative integer';
  if (MAP.includes(key) && !isObject(value)) return 'must be an object of schemas';
  if (LIST.includes(key) && !Array.isArray(value)) return 'must be an array of schemas';
  return undefined;
}

/** The subschemas of `schema` with their paths. */
function children(schema: Record<string, unknown>): [string[], unknown][] {
  const out: [string[], unknown][] = [];
  for (const key of ONE) {
    const v = schema[key];
    if (v === undefined) continue;
    // Draft-07's tuple form of `items` is a list.
    if (key === 'items' && Array.isArray(v)) v.forEach((s, i) => out.push([[key, String(i)], s]));
    else out.push([[key], v]);
  }
  for (const key of LIST) (schema[key] as unknown[] | undefined)?.forEach((s, i) => out.push([[key, String(i)], s]));
  for (const key of MAP) for (const [name, s] of Object.entries((schema[key] as object | undefined) ?? {})) out.push([[key, name], s]);
  return out;
}

/** What the walk gathers for checking `$ref`s once the whole schema has been seen. */
interface Walk {
  refs: [path: string[], ref: string][];
  anchors: Set<string>;
  /** A subschema sets its own `$id`: its `$ref`s resolve against another base, left to the validator. */
  nestedIds: boolean;
}

function problemAt(schema: unknown, path: string[], depth: number, walk: Walk): string | undefined {
  if (typeof schema === 'boolean') return undefined;
  if (!isObject(schema)) return `${pointer(path)}: a schema must be an object or a boolean`;
  if (depth > MAX_SCHEMA_DEPTH) return `${pointer(path)}: nested deeper than ${MAX_SCHEMA_DEPTH} levels`;
  if (typeof schema.$ref === 'string') walk.refs.push([[...path, '$ref'], schema.$ref]);
  if (typeof schema.$anchor === 'string') walk.anchors.add(schema.$anchor);
  if (depth > 0 && schema.$id !== undefined) walk.nestedIds = true;
  for (const key of Object.keys(schema)) {
    const problem = keywordProblem(schema, key);
    if (problem) return `${pointer([...path, key])}: ${problem}`;
  }
  for (const name of Object.keys(isObject(schema.patternProperties) ? schema.patternProperties : {})) {
    const problem = regexProblem(name);
    if (problem) return `${pointer([...path, 'patternProperties', name])}: the name ${problem}`;
  }
  for (const [sub, child] of children(schema)) {
    const problem = problemAt(child, [...path, ...sub], depth + 1, walk);
    if (problem) return problem;
  }
  return undefined;
}

/** Whether a `$ref` names a schema in this document: a JSON pointer, an `$anchor`, or the root. */
function refProblem(root: Record<string, unknown>, ref: string, anchors: Set<string>): string | undefined {
  const hash = ref.indexOf('#');
  const document = hash === -1 ? ref : ref.slice(0, hash);
  if (document !== '' && document !== root.$id) return `${JSON.stringify(ref)} is in another document, which the host cannot fetch`;
  let fragment: string;
  try {
    fragment = decodeURIComponent(hash === -1 ? '' : ref.slice(hash + 1));
  } catch {
    return `${JSON.stringify(ref)} is not a valid URI fragment`;
  }
  let node: unknown = root;
  if (fragment !== '' && !fragment.startsWith('/')) node = anchors.has(fragment) ? true : undefined;
  for (const token of fragment.startsWith('/') ? fragment.slice(1).split('/') : []) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return typeof node === 'boolean' || isObject(node) ? undefined : `${JSON.stringify(ref)} points at nothing in this schema`;
}

/** What is wrong with `schema` as a JSON Schema, with a JSON pointer to where; undefined if nothing. */
export function schemaProblem(schema: unknown): string | undefined {
  const walk: Walk = { refs: [], anchors: new Set(), nestedIds: false };
  const problem = problemAt(schema, [], 0, walk);
  if (problem || walk.nestedIds || !isObject(schema)) return problem;
  for (const [path, ref] of walk.refs) {
    const unresolved = refProblem(schema, ref, walk.anchors);
    if (unresolved) return `${pointer(path)}: ${unresolved}`;
  }
  return undefined;
}
