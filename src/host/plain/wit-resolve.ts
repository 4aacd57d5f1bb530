/**
 * Types as the WIT text writes them, and their resolution: a name is looked
 * up in its scope, and through `use` in the interface it comes from, until
 * only structure is left.
 */
import { isPrimitive, type Case, type Field, type WitFunction, type WitType } from './wit-types.js';

export class WitParseError extends Error {
  override name = 'WitParseError';
}

/** A type as written, before names are looked up. */
export type Raw =
  | { kind: 'named'; name: string }
  | { kind: 'list'; of: Raw; length?: number }
  | { kind: 'option'; of: Raw }
  | { kind: 'result'; ok?: Raw; err?: Raw }
  | { kind: 'tuple'; of: Raw[] }
  | { kind: 'borrow'; name: string }
  | { kind: 'unsupported'; why: string };

export type Definition =
  | { kind: 'alias'; of: Raw; docs?: string }
  | { kind: 'record'; fields: { name: string; type: Raw; docs?: string }[]; docs?: string }
  | { kind: 'variant'; cases: { name: string; type?: Raw; docs?: string }[]; docs?: string }
  | { kind: 'enum'; cases: string[]; docs?: string }
  | { kind: 'flags'; flags: string[]; docs?: string }
  | { kind: 'resource'; docs?: string }
  /** `use from.{name}` (or `{name as alias}`, stored under the alias). */
  | { kind: 'used'; from: string; name: string; docs?: string };

export interface RawFunction {
  name: string;
  params: { name: string; type: Raw }[];
  result?: Raw;
  docs?: string;
}

/** The definitions and functions of one scope (the world, or an interface). */
export interface Scope {
  name: string;
  /** The interfaces of the package, by name, that a `use` in this scope may name. */
  peers: ReadonlyMap<string, Scope>;
  types: Map<string, Definition>;
  functions: RawFunction[];
  resourceFunctions: string[];
}

/** Looks names up in `scope`, turning definitions into resolved WIT types. */
function resolve(raw: Raw, scope: Scope, seen: string[] = []): WitType {
  switch (raw.kind) {
    case 'unsupported':
      return raw;
    case 'borrow':
      return { kind: 'handle', resource: raw.name, borrow: true };
    case 'list': {
      const of = resolve(raw.of, scope, seen);
      return raw.length === undefined ? { kind: 'list', of } : { kind: 'list', of, length: raw.length };
    }
    case 'option': {
      const of = resolve(raw.of, scope, seen);
      return of.kind === 'option' ? { kind: 'unsupported', why: 'option<option<...>>' } : { kind: 'option', of };
    }
    case 'tuple':
      return { kind: 'tuple', of: raw.of.map((t) => resolve(t, scope, seen)) };
    case 'result': {
      const out: WitType = { kind: 'result' };
      if (raw.ok) out.ok = resolve(raw.ok, scope, seen);
      if (raw.err) out.err = resolve(raw.err, scope, seen);
      return out;
    }
    case 'named':
      return resolveName(raw.name, scope, seen);
  }
}

function resolveName(name: string, scope: Scope, seen: string[]): WitType {
  if (isPrimitive(name)) return { kind: name };
  const d = scope.types.get(name);
  if (!d) return { kind: 'unsupported', why: `unknown type ${name}` };
  const key = `${scope.name}.${name}`;
  if (seen.includes(key)) throw new WitParseError(`type ${name} refers to itself`);
  const inner = [...seen, key];
  const docs = d.docs === undefined ? {} : { docs: d.docs };
  switch (d.kind) {
    case 'alias':
      return resolve(d.of, scope, inner);
    case 'used': {
      const from = scope.peers.get(d.from);
      return from ? resolveName(d.name, from, inner) : { kind: 'unsupported', why: `type ${name} from ${d.from}` };
    }
    case 'resource':
      return { kind: 'handle', resource: name, borrow: false };
    case 'record':
      return {
        kind: 'record',
        name,
        ...docs,
        fields: d.fields.map((f): Field => ({ ...f, type: resolve(f.type, scope, inner) })),
      };
    case 'variant':
      return {
        kind: 'variant',
        name,
        ...docs,
        cases: d.cases.map((c): Case => (c.type ? { ...c, type: resolve(c.type, scope, inner) } : { ...c, type: undefined })),
      };
    case 'enum':
      return { kind: 'enum', name, ...docs, cases: d.cases };
    case 'flags':
      return { kind: 'flags', name, ...docs, flags: d.flags };
  }
}

export function resolveFunctions(scope: Scope): WitFunction[] {
  return scope.functions.map((f) => {
    const fn: WitFunction = { name: f.name, params: f.params.map((p) => ({ name: p.name, type: resolve(p.type, scope) })) };
    if (f.result) fn.result = resolve(f.result, scope);
    if (f.docs !== undefined) fn.docs = f.docs;
    return fn;
  });
}

