/**
 * MCP 2026-07-28 custom headers over Streamable HTTP (SEP-2243): a tool's
 * `inputSchema` may mark a property with `"x-mcp-header": "Region"`, and a
 * client calling that tool then mirrors the argument's value in the header
 * `Mcp-Param-Region`, so that a proxy or load balancer can route on it
 * without reading the body. A server must check that the header and the body
 * agree, and refuse a request where they do not: the component acts on the
 * body, and something on the way may have acted on the header.
 *
 * The rules, from the transport specification:
 * - only a property reached from the root through `properties` keys alone
 *   may carry the annotation, its value an RFC 9110 token, unique across
 *   the schema without regard to case, on a `string`, `integer` or `boolean`
 *   property; a schema breaking any of these is an invalid tool definition,
 *   and nothing of it is enforced (conforming clients leave the tool out);
 * - an argument that is absent or null expects no header (one sent is
 *   ignored); any other value needs the header, equal to it;
 * - a header value `=?base64?…?=` is the Base64 of the UTF-8 value and is
 *   refused when its payload is not canonical Base64 of valid UTF-8; any
 *   other value is literal;
 * - integers compare as numbers (`42.0` equals `42`).
 */

/** The header a declaration names is this prefix and its `x-mcp-header` value. */
export const PARAM_HEADER_PREFIX = 'Mcp-Param-';

const ANNOTATION = 'x-mcp-header';
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_TYPES = new Set(['string', 'integer', 'boolean']);
/** Keywords whose values are data, not subschemas: an `x-mcp-header` key inside them annotates nothing. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

export interface ParamHeader {
  /** The property names from the root of `arguments` to the value. */
  path: string[];
  /** The full header name, `Mcp-Param-…`. */
  header: string;
  type: 'string' | 'integer' | 'boolean';
}

/** The headers a tool's input schema declares, or undefined when its declarations are invalid. */
export function paramHeadersOf(inputSchema: Record<string, unknown>): ParamHeader[] | undefined {
  const found: ParamHeader[] = [];
  const names = new Set<string>();
  let valid = true;
  const visit = (node: unknown, path: string[], reachable: boolean): void => {
    if (!valid || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, path, false);
      return;
    }
    const schema = node as Record<string, unknown>;
    if (ANNOTATION in schema) {
      const name = schema[ANNOTATION];
      const type = schema.type;
      const lower = typeof name === 'string' ? name.toLowerCase() : '';
      if (!reachable || path.length === 0 || typeof name !== 'string' || !TOKEN.test(name) || names.has(lower)) valid = false;
      else if (typeof type !== 'string' || !HEADER_TYPES.has(type)) valid = false;
      else {
        names.add(lower);
        found.push({ path, header: `${PARAM_HEADER_PREFIX}${name}`, type: type as ParamHeader['type'] });
      }
    }
    for (const [key, value] of Object.entries(schema)) {
      if (DATA_KEYWORDS.has(key)) continue;
      if (key === 'properties' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        for (const [property, child] of Object.entries(value)) visit(child, [...path, property], reachable);
      } else {
        visit(value, path, false);
      }
    }
  };
  visit(inputSchema, [], true);
  return valid ? found : undefined;
}

/** What is wrong with a request's `Mcp-Param-*` headers for these declarations, or undefined when they agree with the body. */
export function paramHeaderMismatch(declared: readonly ParamHeader[], args: unknown, header: (name: string) => string | null): string | undefined {
  for (const { path, header: name, type } of declared) {
    const value = valueAt(args, path);
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
    const sent = header(name);
    const where = `arguments.${path.join('.')}`;
    if (sent === null) return `the body carries ${where} but the ${name} header is missing`;
    const decoded = decodeParamValue(sent);
    if (decoded === undefined) return `the ${name} header is not valid Base64 of UTF-8 text inside =?base64?…?=`;
    const equal =
      type === 'integer' && typeof value === 'number' && /^-?\d+(\.\d+)?$/.test(decoded) ? Number(decoded) === value : decoded === String(value);
    if (!equal) return `the ${name} header says ${JSON.stringify(decoded)} but the body carries ${where} = ${JSON.stringify(value)}`;
  }
  return undefined;
}

const SENTINEL_START = '=?base64?';
const SENTINEL_END = '?=';
const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A header value as the client meant it: undefined when it is wrapped as Base64 but is not. */
export function decodeParamValue(value: string): string | undefined {
  if (!value.startsWith(SENTINEL_START) || !value.endsWith(SENTINEL_END) || value.length < SENTINEL_START.length + SENTINEL_END.length) {
    return value;
  }
  const payload = value.slice(SENTINEL_START.length, -SENTINEL_END.length);
  if (!CANONICAL_BASE64.test(payload)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
