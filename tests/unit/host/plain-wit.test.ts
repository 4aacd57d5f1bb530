/** Reading a plain component's exports from WIT text (src/host/plain/wit-parse.ts) and the export renaming that makes jco print them. */
import { componentWit } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import { renameInterfaceExports } from '../../../src/host/plain/rename-exports.js';
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

describe('renameInterfaceExports', () => {
  it('gives interface exports plain names, so that jco prints their definitions', async () => {
    const bytes = exampleBytes('typed');
    expect(await componentWit(bytes)).toMatch(/export example:plain\/ops;/);
    const renamed = renameInterfaceExports(bytes);
    expect(renamed.names).toEqual(new Map([['iface0', 'example:plain/ops']]));
    const wit = await componentWit(renamed.bytes);
    expect(wit).toMatch(/export iface0: interface \{\n\s+record point \{/);
    expect(wit).toMatch(/export greet: func\(name: string\) -> string;/);
    expect(parseExports(wit).interfaces[0].functions.map((f) => f.name)).toContain('check-even');
  });

  it('leaves a component without interface exports byte for byte', () => {
    const bytes = exampleBytes('files');
    const renamed = renameInterfaceExports(bytes);
    expect(renamed.names.size).toBe(0);
    expect(Buffer.from(renamed.bytes).equals(Buffer.from(bytes))).toBe(true);
  });
});
