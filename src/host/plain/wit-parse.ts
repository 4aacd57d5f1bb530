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
function parseScope(p: Parser, other: (keyword: string, docs: string | undefined) => void): Scope {
  const scope: Scope = { types: new Map(), functions: [], resourceFunctions: [] };
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
      for (const u of p.list('}', () => {
        const original = p.next();
        return p.eat('as') ? p.next() : original;
      })) {
        scope.types.set(u, { kind: 'used', from });
      }
      p.expect(';');
    } else other(keyword, docs);
  }
  return scope;
}

/** The exports of the first world in `wit`. */
export function parseExports(wit: string): ExportedWorld {
  const p = new Parser(tokenize(wit));
  const world: ExportedWorld = { functions: [], interfaces: [], undefinedInterfaces: [] };
  const pendingFunctions: RawFunction[] = [];
  while (!p.done() && p.peek() !== 'world') p.skipItem();
  if (p.done()) throw new WitParseError('the WIT has no world');
  p.expect('world');
  p.next();
  p.expect('{');
  const worldScope = parseScope(p, (keyword, docs) => {
    if (keyword !== 'export') return p.skipItem(); // import, include
    const name = p.next();
    const kind = p.peek(1);
    if (p.peek() !== ':' || (kind !== 'func' && kind !== 'async' && kind !== 'interface')) {
      // An interface named by path (`ns:pkg/name@1.0.0;`): defined elsewhere.
      let path = name;
      while (p.peek() !== ';') path += p.next();
      p.expect(';');
      world.undefinedInterfaces.push(path);
      return;
    }
    p.expect(':');
    if (p.eat('interface')) {
      p.expect('{');
      const scope = parseScope(p, () => p.skipItem());
      const iface: WitInterface = { name, functions: resolveFunctions(scope), resourceFunctions: scope.resourceFunctions };
      if (docs !== undefined) iface.docs = docs;
      world.interfaces.push(iface);
    } else {
      // A world-level function: its types live in the world's scope, resolved below.
      pendingFunctions.push(parseFunction(p, name, docs));
    }
  });
  world.functions = resolveFunctions({ ...worldScope, functions: pendingFunctions });
  return world;
}
