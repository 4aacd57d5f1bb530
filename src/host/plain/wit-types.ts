/**
 * WIT types as the plain-component layer sees them: every named type already
 * resolved to its definition (WIT types cannot be recursive, so the tree is
 * finite). Names are kebab-case as in WIT.
 */

export const INTEGER_KINDS = ['u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64'] as const;
export type IntegerKind = (typeof INTEGER_KINDS)[number];
export type PrimitiveKind = IntegerKind | 'bool' | 'f32' | 'f64' | 'char' | 'string';

export interface Field {
  name: string;
  type: WitType;
  docs?: string;
}

export interface Case {
  name: string;
  type?: WitType;
  docs?: string;
}

export type WitType =
  | { kind: PrimitiveKind }
  | { kind: 'list'; of: WitType; length?: number }
  | { kind: 'option'; of: WitType }
  | { kind: 'result'; ok?: WitType; err?: WitType }
  | { kind: 'tuple'; of: WitType[] }
  | { kind: 'record'; name: string; fields: Field[]; docs?: string }
  | { kind: 'variant'; name: string; cases: Case[]; docs?: string }
  | { kind: 'enum'; name: string; cases: string[]; docs?: string }
  | { kind: 'flags'; name: string; flags: string[]; docs?: string }
  /** A resource handle: `own<r>` (written `r`) or `borrow<r>`. */
  | { kind: 'handle'; resource: string; borrow: boolean }
  /** A type this layer cannot carry as JSON (future, stream, a type used from an imported interface, ...). */
  | { kind: 'unsupported'; why: string };

export interface Param {
  name: string;
  type: WitType;
}

export interface WitFunction {
  name: string;
  params: Param[];
  result?: WitType;
  docs?: string;
}

export interface WitInterface {
  /** The name the WIT printer gave the export (an inline interface's name, or the stand-in of rename-interfaces.ts). */
  name: string;
  functions: WitFunction[];
  /** Resource constructors, methods and static functions: not tools. */
  resourceFunctions: string[];
  docs?: string;
}

/** The exports of a component's world. */
export interface ExportedWorld {
  functions: WitFunction[];
  interfaces: WitInterface[];
  /** Exported interfaces whose definition the WIT did not include. */
  undefinedInterfaces: string[];
}

const PRIMITIVES: ReadonlySet<string> = new Set<PrimitiveKind>([...INTEGER_KINDS, 'bool', 'f32', 'f64', 'char', 'string']);

export function isPrimitive(name: string): name is PrimitiveKind {
  return PRIMITIVES.has(name);
}

/** The first reason `type` cannot be carried as JSON, or undefined when it can. */
export function unsupportedIn(type: WitType): string | undefined {
  switch (type.kind) {
    case 'unsupported':
      return type.why;
    case 'handle':
      return `resource handle ${type.borrow ? `borrow<${type.resource}>` : type.resource}`;
    case 'list':
    case 'option':
      return unsupportedIn(type.of);
    case 'tuple':
      return firstOf(type.of.map(unsupportedIn));
    case 'result':
      return firstOf([type.ok, type.err].map((t) => (t ? unsupportedIn(t) : undefined)));
    case 'record':
      return firstOf(type.fields.map((f) => unsupportedIn(f.type)));
    case 'variant':
      return firstOf(type.cases.map((c) => (c.type ? unsupportedIn(c.type) : undefined)));
    default:
      return undefined;
  }
}

function firstOf(reasons: (string | undefined)[]): string | undefined {
  return reasons.find((r) => r !== undefined);
}
