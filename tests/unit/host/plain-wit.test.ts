/** Reading a plain component's exports from WIT text (src/host/plain/wit-parse.ts) and the export renaming that makes jco print them. */
import { componentEmbed, componentNew, componentWit } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import { renameInterfaces } from '../../../src/host/plain/rename-interfaces.js';
import { parseExports, WitParseError } from '../../../src/host/plain/wit-parse.js';
import { exampleBytes } from '../../helpers/examples.js';

const WIT = `
package root:component;

world root {
  import wasi:io/poll@0.2.12;
  import other: interface {
    record skipped { a: u8 }
  }
  use wasi:filesystem/types@0.2.12.{error-code, descriptor as fd};

  /// A point.
  record point {
    /// Across.
    x: s32,
    y: s32,
  }
  type pair = tuple<point, point>;

  /// Measures a pair.
  ///
  /// Second line.
  export measure: func(p: pair, %type: option<string>) -> result<_, string>;
  export fails: func(e: error-code) -> result;
  export fixed: func(l: list<u8, 4>) -> option<option<u8>>;

  /// The ops.
  export ops: interface {
    use wasi:io/streams@0.2.12.{input-stream};
    enum mode { fast, %slow }
    flags bits { a, b-c }
    variant v { none, some(mode), many(list<bits>) }
    resource r {
      constructor(n: u32);
      get: func() -> u32;
      make: static func() -> r;
    }
    run: func(v: v, m: mode) -> result<bits>;
    take: func(x: r, y: borrow<r>, s: input-stream, f: future<u8>);
  }
  export example:plain/elsewhere@1.0.0;
}
`;

describe('parseExports', () => {
  const world = parseExports(WIT);

  it('reads world-level functions with resolved types and docs', () => {
    const [measure, fails, fixed] = world.functions;
    expect(measure.docs).toBe('Measures a pair.\n\nSecond line.');
    const point = {
      kind: 'record',
      name: 'point',
      docs: 'A point.',
      fields: [
        { name: 'x', docs: 'Across.', type: { kind: 's32' } },
        { name: 'y', type: { kind: 's32' } },
      ],
    };
    expect(measure.params).toEqual([
      { name: 'p', type: { kind: 'tuple', of: [point, point] } },
      { name: 'type', type: { kind: 'option', of: { kind: 'string' } } },
    ]);
    expect(measure.result).toEqual({ kind: 'result', err: { kind: 'string' } });
    expect(fails.params[0].type).toEqual({ kind: 'unsupported', why: 'type error-code from wasi:filesystem/types@0.2.12' });
    expect(fails.result).toEqual({ kind: 'result' });
    expect(fixed.params[0].type).toEqual({ kind: 'list', of: { kind: 'u8' }, length: 4 });
    expect(fixed.result).toEqual({ kind: 'unsupported', why: 'option<option<...>>' });
  });

  it('reads inline interfaces, keeping resource functions apart', () => {
    expect(world.interfaces).toHaveLength(1);
    const ops = world.interfaces[0];
    expect(ops.name).toBe('ops');
    expect(ops.docs).toBe('The ops.');
    expect(ops.resourceFunctions).toEqual(['[constructor]r', '[method]r.get', '[static]r.make']);
    const [run, take] = ops.functions;
    const mode = { kind: 'enum', name: 'mode', cases: ['fast', 'slow'] };
    const bits = { kind: 'flags', name: 'bits', flags: ['a', 'b-c'] };
    expect(run.params).toEqual([
      {
        name: 'v',
        type: {
          kind: 'variant',
          name: 'v',
          cases: [
            { name: 'none', type: undefined },
            { name: 'some', type: mode },
            { name: 'many', type: { kind: 'list', of: bits } },
          ],
        },
      },
      { name: 'm', type: mode },
    ]);
    expect(run.result).toEqual({ kind: 'result', ok: bits });
    expect(take.params.map((p) => p.type)).toEqual([
      { kind: 'handle', resource: 'r', borrow: false },
      { kind: 'handle', resource: 'r', borrow: true },
      { kind: 'unsupported', why: 'type input-stream from wasi:io/streams@0.2.12' },
      { kind: 'unsupported', why: 'future (async values)' },
    ]);
    expect(take.result).toBeUndefined();
  });

  it('notes interfaces exported by name only', () => {
    expect(world.undefinedInterfaces).toEqual(['example:plain/elsewhere@1.0.0']);
  });

  it('reads interfaces of the package exported by name, resolving use between them', () => {
    const w = parseExports(`package root:component;
      /// Shared types.
      interface import0 { enum e { a, b } }
      interface iface0 { use import0.{e}; f: func(x: e); }
      world root { import import0; export iface0; }`);
    expect(w.interfaces).toEqual([
      { name: 'iface0', resourceFunctions: [], functions: [{ name: 'f', params: [{ name: 'x', type: { kind: 'enum', name: 'e', cases: ['a', 'b'] } }] }] },
    ]);
  });

  it('reads a function named like a keyword as a function', () => {
    const w = parseExports('world w { export ops: interface { record: func(%type: u8); %enum: func(); } }');
    expect(w.interfaces[0].functions.map((f) => f.name)).toEqual(['record', 'enum']);
    expect(w.interfaces[0].functions[0].params).toEqual([{ name: 'type', type: { kind: 'u8' } }]);
  });

  it('refuses text without a world, and a type that refers to itself', () => {
    expect(() => parseExports('package a:b;')).toThrow(WitParseError);
    expect(() => parseExports('world w { type a = list<a>; export f: func(x: a); }')).toThrow(/type a refers to itself/);
  });
});

describe('renameInterfaces', () => {
  it('moves interface imports and exports into the component\'s package, so that jco prints their definitions', async () => {
    const bytes = exampleBytes('typed');
    expect(await componentWit(bytes)).toMatch(/export example:plain\/ops;/);
    const renamed = renameInterfaces(bytes);
    expect(renamed.names.get('iface0')).toBe('example:plain/ops');
    expect(renamed.names.get('import0')).toBe('wasi:io/poll@0.2.12');
    const wit = await componentWit(renamed.bytes);
    expect(wit).toMatch(/^interface iface0 \{\n\s+record point \{/m);
    expect(wit).toMatch(/export greet: func\(name: string\) -> string;/);
    expect(wit).toMatch(/export iface0;/);
    expect(parseExports(wit).interfaces[0].functions.map((f) => f.name)).toContain('check-even');
  });

  it('leaves a component without interface imports or exports byte for byte', async () => {
    const bytes = await componentNew(await componentEmbed({ dummy: true, witSource: 'package a:b; world w { export f: func(); }', world: 'w' }));
    const renamed = renameInterfaces(bytes);
    expect(renamed.names.size).toBe(0);
    expect(Buffer.from(renamed.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('lets an export use the types of an interface the component imports', async () => {
    const witSource = `package test:root;
      interface types { record r { a: u8 } resource res; }
      interface api { use types.{r as renamed, res}; f: func(x: renamed) -> list<renamed>; g: func(h: borrow<res>); }
      world w { export api; }`;
    const bytes = await componentNew(await componentEmbed({ dummy: true, witSource, world: 'w' }));
    const renamed = renameInterfaces(bytes);
    const world = parseExports(await componentWit(renamed.bytes));
    const [f, g] = world.interfaces[0].functions;
    const r = { kind: 'record', name: 'r', fields: [{ name: 'a', type: { kind: 'u8' } }] };
    expect(f.params[0].type).toEqual(r);
    expect(f.result).toEqual({ kind: 'list', of: r });
    expect(g.params[0].type).toEqual({ kind: 'handle', resource: 'res', borrow: true });
    expect(renamed.names.get(world.interfaces[0].name)).toBe('test:root/api');
  });
});
