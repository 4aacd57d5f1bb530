/**
 * Reads the exports of a component's world from the WIT text jco's printer
 * writes (`componentWit`): world-level functions and inline interfaces with
 * their types, functions and `///` docs. Imports are skipped; a type `use`d
 * from an imported interface is unknown here and becomes `unsupported`.
 */
import { tokenize, type Token } from './wit-lexer.js';
import { resolveFunctions, WitParseError, type Definition, type Raw, type RawFunction, type Scope } from './wit-resolve.js';
import type { ExportedWorld, WitInterface } from './wit-types.js';

export { WitParseError } from './wit-resolve.js';

class Parser {
  #i = 0;
  constructor(readonly tokens: Token[]) {}

  peek(offset = 0): string | undefined {
    return this.tokens[this.#i + offset]?.text;
  }
  docs(): string | undefined {
    return this.tokens[this.#i]?.docs;
  }
  next(): string {
    const token = this.tokens[this.#i++];
    if (!token) throw new WitParseError('the WIT ends early');
    return token.text;
  }
  expect(text: string): void {
    const at = this.tokens[this.#i]?.at;
    const got = this.next();
    if (got !== text) throw new WitParseError(`expected "${text}" at offset ${at}, found "${got}"`);
  }
  eat(text: string): boolean {
    if (this.peek() !== text) return false;
    this.#i++;
    return true;
  }
  done(): boolean {
    return this.#i >= this.tokens.length;
  }
  /** Skips to just after the next `;` at this nesting level, or past a `{ ... }` block that comes first. */
  skipItem(): void {
    for (;;) {
      const t = this.next();
      if (t === ';') return;
      if (t === '{') {
        this.skipBlock();
        this.eat(';');
        return;
      }
    }
  }
  /** Skips to the `}` that closes a `{` already read. */
  skipBlock(): void {
    for (let depth = 1; depth > 0; ) {
      const t = this.next();
      if (t === '{') depth++;
      if (t === '}') depth--;
    }
  }
  /** Items separated by commas up to `close` (a trailing comma allowed). */
  list<T>(close: string, item: () => T): T[] {
    const items: T[] = [];
    while (!this.eat(close)) {
      items.push(item());
      if (!this.eat(',')) {
        this.expect(close);
        break;
      }
    }
    return items;
  }
}

function parseType(p: Parser): Raw {
  const name = p.next();
  const generic = p.peek() === '<';
  /** The type arguments in `<...>`; `_` (no type, in `result<_, E>`) is undefined. */
  const args = (): (Raw | undefined)[] => {
    p.expect('<');
    return p.list('>', () => (p.eat('_') ? undefined : parseType(p)));
  };
  /** Type arguments that must all be types. */
  const types = (): Raw[] =>
    args().map((t) => {
      if (!t) throw new WitParseError(`_ in ${name}<...>, where a type must be`);
      return t;
    });
  const one = (): Raw => types()[0];
  switch (name) {
    case 'list': {
      p.expect('<');
      const of = parseType(p);
      const length = p.eat(',') ? Number(p.next()) : undefined;
      p.expect('>');
      return length === undefined ? { kind: 'list', of } : { kind: 'list', of, length };
    }
    case 'option':
      return { kind: 'option', of: one() };
    case 'tuple':
      return { kind: 'tuple', of: types() };
    case 'result': {
      if (!generic) return { kind: 'result' };
      const [ok, err] = args();
      return { kind: 'result', ok, err };
    }
    case 'borrow':
    case 'own': {
      const of = one();
      if (of.kind !== 'named') throw new WitParseError(`${name}<...> of something that is not a resource`);
      return name === 'borrow' ? { kind: 'borrow', name: of.name } : of;
    }
    case 'future':
    case 'stream':
      if (generic) args();
      return { kind: 'unsupported', why: `${name} (async values)` };
    case 'error-context':
      return { kind: 'unsupported', why: 'error-context' };
    default:
      return { kind: 'named', name };
  }
}

function parseFunction(p: Parser, name: string, docs: string | undefined): RawFunction {
  p.eat('async');
  p.expect('func');
  p.expect('(');
  const params = p.list(')', () => {
    const param = p.next();
    p.expect(':');
    return { name: param, type: parseType(p) };
  });
  const fn: RawFunction = { name, params };
  if (p.eat('->')) fn.result = parseType(p);
  if (docs !== undefined) fn.docs = docs;
  p.expect(';');
  return fn;
}

const named = (p: Parser) => {
  const docs = p.docs();
  const name = p.next();
  return docs === undefined ? { name } : { name, docs };
};

/** Reads the items of a world or interface body up to its `}`; world-only items are handed to `other`. */
function parseScope(
  p: Parser,
  name: string,
  peers: ReadonlyMap<string, Scope>,
  other: (keyword: string, docs: string | undefined) => void,
): Scope {
  const scope: Scope = { name, peers, types: new Map(), functions: [], resourceFunctions: [] };
  while (!p.eat('}')) {
    const docs = p.docs();
    const keyword = p.next();
    const withDocs = (d: Definition): Definition => (docs === undefined ? d : { ...d, docs });
    if (p.peek() === ':' && (p.peek(1) === 'func' || p.peek(1) === 'async')) {
      p.expect(':');
      scope.functions.push(parseFunction(p, keyword, docs));
    } else if (keyword === 'record') {
      const name = p.next();
      p.expect('{');
      const fields = p.list('}', () => {
        const f = named(p);
        p.expect(':');
        return { ...f, type: parseType(p) };
      });
      scope.types.set(name, withDocs({ kind: 'record', fields }));
    } else if (keyword === 'variant' || keyword === 'enum' || keyword === 'flags') {
      const name = p.next();
      p.expect('{');
      const cases = p.list('}', () => {
        const c: { name: string; docs?: string; type?: Raw } = named(p);
        if (p.eat('(')) {
          c.type = parseType(p);
          p.expect(')');
        }
        return c;
      });
      const names = cases.map((c) => c.name);
      const d: Definition =
        keyword === 'variant' ? { kind: 'variant', cases } : keyword === 'enum' ? { kind: 'enum', cases: names } : { kind: 'flags', flags: names };
      scope.types.set(name, withDocs(d));
    } else if (keyword === 'type') {
      const name = p.next();
      p.expect('=');
      scope.types.set(name, { kind: 'alias', of: parseType(p) });
      p.expect(';');
    } else if (keyword === 'resource') {
      const name = p.next();
      scope.types.set(name, { kind: 'resource' });
      if (p.eat('{')) {
        while (!p.eat('}')) {
          const member = p.next();
          const kind = member === 'constructor' ? 'constructor' : p.peek(1) === 'static' ? 'static' : 'method';
          scope.resourceFunctions.push(kind === 'constructor' ? `[constructor]${name}` : `[${kind}]${name}.${member}`);
          p.skipItem();
        }
      } else p.expect(';');
    } else if (keyword === 'use') {
      let from = '';
      while (p.peek() !== '.' || p.peek(1) !== '{') from += p.next();
      p.expect('.');
      p.expect('{');
      for (const [original, alias] of p.list('}', () => {
        const original = p.next();
        return [original, p.eat('as') ? p.next() : original] as const;
      })) {
        scope.types.set(alias, { kind: 'used', from, name: original });
      }
      p.expect(';');
    } else other(keyword, docs);
  }
  return scope;
}

/** An export of the world: a function, an interface defined inline, or one named by reference. */
type WorldExport =
  | { kind: 'function'; fn: RawFunction }
  | { kind: 'inline'; iface: WitInterface }
  | { kind: 'named'; name: string; docs?: string };

/** The world's items up to its `}`: its exports, and its own scope (types of world-level functions). */
function parseWorld(p: Parser, peers: ReadonlyMap<string, Scope>): { scope: Scope; exports: WorldExport[] } {
  const exports: WorldExport[] = [];
  const scope = parseScope(p, '', peers, (keyword, docs) => {
    if (keyword !== 'export') return p.skipItem(); // import, include
    const name = p.next();
    const kind = p.peek(1);
    if (p.peek() !== ':' || (kind !== 'func' && kind !== 'async' && kind !== 'interface')) {
      // An interface by reference: `iface0` of this package, or `ns:pkg/name@1.0.0` of another.
      let path = name;
      while (p.peek() !== ';') path += p.next();
      p.expect(';');
      exports.push(docs === undefined ? { kind: 'named', name: path } : { kind: 'named', name: path, docs });
      return;
    }
    p.expect(':');
    if (p.eat('interface')) {
      p.expect('{');
      const inline = parseScope(p, name, peers, () => p.skipItem());
      const iface: WitInterface = { name, functions: resolveFunctions(inline), resourceFunctions: inline.resourceFunctions };
      if (docs !== undefined) iface.docs = docs;
      exports.push({ kind: 'inline', iface });
    } else exports.push({ kind: 'function', fn: parseFunction(p, name, docs) });
  });
  return { scope, exports };
}

/**
 * The exports of the first world in `wit`, with the interfaces of its
 * package (which the world may export and whose types may be `use`d).
 */
export function parseExports(wit: string): ExportedWorld {
  const p = new Parser(tokenize(wit));
  const interfaces = new Map<string, Scope>();
  const interfaceDocs = new Map<string, string>();
  let world: { scope: Scope; exports: WorldExport[] } | undefined;
  while (!p.done()) {
    const docs = p.docs();
    const keyword = p.next();
    if (keyword === 'interface') {
      const name = p.next();
      p.expect('{');
      interfaces.set(name, parseScope(p, name, interfaces, () => p.skipItem()));
      if (docs !== undefined) interfaceDocs.set(name, docs);
    } else if (keyword === 'world' && !world) {
      p.next();
      p.expect('{');
      world = parseWorld(p, interfaces);
    } else p.skipItem(); // package, a later world, a nested package
  }
  if (!world) throw new WitParseError('the WIT has no world');
  const out: ExportedWorld = { functions: [], interfaces: [], undefinedInterfaces: [] };
  const functions: RawFunction[] = [];
  for (const e of world.exports) {
    if (e.kind === 'function') functions.push(e.fn);
    else if (e.kind === 'inline') out.interfaces.push(e.iface);
    else {
      const scope = interfaces.get(e.name);
      if (!scope) {
        out.undefinedInterfaces.push(e.name);
        continue;
      }
      const iface: WitInterface = { name: e.name, functions: resolveFunctions(scope), resourceFunctions: scope.resourceFunctions };
      const docs = e.docs ?? interfaceDocs.get(e.name);
      if (docs !== undefined) iface.docs = docs;
      out.interfaces.push(iface);
    }
  }
  out.functions = resolveFunctions({ ...world.scope, functions });
  return out;
}
