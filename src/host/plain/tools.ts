/**
 * The tools of a plain component: one per exported function, named after it
 * (`read-file`) or after its interface and it (`ops.distance`), with schemas
 * derived from its WIT types and a description from its docs or signature.
 */
import { objectSchema, outputSchemaOf, schemaOf, type Schema } from './schema.js';
import { unsupportedIn, type ExportedWorld, type WitFunction, type WitType } from './wit-types.js';

/** MCP's rule for tool names. */
const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

export interface PlainTool {
  name: string;
  description: string;
  inputSchema: Schema;
  outputSchema?: Schema;
  fn: WitFunction;
  /** The export that holds the function: an interface's real name, or undefined at world level. */
  iface?: string;
  /** Why the tool cannot be called, when it cannot. */
  refusal?: string;
}

export interface PlainTools {
  tools: PlainTool[];
  /** Exports that are not tools, with the reason. */
  left: string[];
}

/** WIT text for a type, as in a signature. */
export function witText(type: WitType): string {
  switch (type.kind) {
    case 'list':
      return type.length === undefined ? `list<${witText(type.of)}>` : `list<${witText(type.of)}, ${type.length}>`;
    case 'option':
      return `option<${witText(type.of)}>`;
    case 'tuple':
      return `tuple<${type.of.map(witText).join(', ')}>`;
    case 'result':
      if (!type.ok && !type.err) return 'result';
      return type.err ? `result<${type.ok ? witText(type.ok) : '_'}, ${witText(type.err)}>` : `result<${witText(type.ok!)}>`;
    case 'record':
    case 'variant':
    case 'enum':
    case 'flags':
      return type.name;
    case 'handle':
      return type.borrow ? `borrow<${type.resource}>` : type.resource;
    case 'unsupported':
      return type.why;
    default:
      return type.kind;
  }
}

function signature(fn: WitFunction): string {
  const params = fn.params.map((p) => `${p.name}: ${witText(p.type)}`).join(', ');
  return `func(${params})${fn.result ? ` -> ${witText(fn.result)}` : ''}`;
}

/** The short name of an exported interface: `ops` for `example:plain/ops@1.0.0`. */
function shortName(iface: string): string {
  return iface.replace(/@.*$/, '').replace(/^.*\//, '');
}

/** A tool-name prefix from an interface's full name: `example.plain.ops`, with a version `example.plain.ops.1.0.0`. */
function fullName(iface: string): string {
  return iface.replace(/[^A-Za-z0-9_-]+/g, '.');
}

/** The function's docs, or else its signature with the docs of its interface, if any, below. */
function describe(fn: WitFunction, where: string, ifaceDocs: string | undefined): string {
  if (fn.docs !== undefined) return fn.docs;
  const generated = `Calls ${where}: ${signature(fn)}`;
  return ifaceDocs === undefined ? generated : `${generated}\n\n${ifaceDocs}`;
}

function toolOf(name: string, fn: WitFunction, description: string, iface: string | undefined): PlainTool {
  const fields = fn.params.map((p) => {
    const schema = schemaOf(p.type);
    return { ...p, schema: 'description' in schema ? schema : { description: witText(p.type), ...schema } };
  });
  const tool: PlainTool = { name, description, inputSchema: objectSchema(fields), fn };
  if (iface !== undefined) tool.iface = iface;
  if (fn.result) tool.outputSchema = outputSchemaOf(fn.result);
  const reason = [...fn.params.map((p) => p.type), ...(fn.result ? [fn.result] : [])].map(unsupportedIn).find((r) => r);
  if (reason) tool.refusal = `${name} cannot be called through MCP: its signature uses ${reason}, which has no JSON form (${signature(fn)})`;
  return tool;
}

/**
 * The tools of `world`. `realNames` maps an interface's printed name to its
 * real name (rename-interfaces.ts); other interfaces are inline ones.
 */
export function plainTools(world: ExportedWorld, realNames: ReadonlyMap<string, string>): PlainTools {
  const left: string[] = world.undefinedInterfaces.map((i) => `${i} (its WIT was not available)`);
  const candidates: PlainTool[] = world.functions.map((fn) =>
    toolOf(fn.name, fn, describe(fn, `the exported function ${fn.name}`, undefined), undefined),
  );
  const real = world.interfaces.map((i) => realNames.get(i.name) ?? i.name);
  const shortCount = new Map<string, number>();
  for (const r of real) shortCount.set(shortName(r), (shortCount.get(shortName(r)) ?? 0) + 1);
  world.interfaces.forEach((iface, i) => {
    const prefix = shortCount.get(shortName(real[i]))! > 1 ? fullName(real[i]) : shortName(real[i]);
    for (const fn of iface.functions) {
      const description = describe(fn, `${fn.name} of the exported interface ${real[i]}`, iface.docs);
      candidates.push(toolOf(`${prefix}.${fn.name}`, fn, description, real[i]));
    }
    for (const rf of iface.resourceFunctions) left.push(`${prefix}.${rf} (resource constructors and methods are not tools)`);
  });
  const tools: PlainTool[] = [];
  const seen = new Set<string>();
  for (const tool of candidates) {
    if (!TOOL_NAME.test(tool.name)) left.push(`${tool.name} (not a valid MCP tool name: over 128 characters)`);
    else if (seen.has(tool.name)) left.push(`${tool.name} (a second export with that tool name)`);
    else {
      seen.add(tool.name);
      tools.push(tool);
    }
  }
  return { tools, left };
}
