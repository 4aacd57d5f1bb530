import { describe, expect, it } from 'vitest';
import { instanceCounts, planMemories } from '../../../src/host/memory-plan.js';
import { WASM_PAGE_BYTES } from '../../../src/host/memory.js';

const budget = (pages: number) => pages * WASM_PAGE_BYTES;

describe('instanceCounts', () => {
  it('counts the instances jco creates of each core module, in either instantiation mode', () => {
    const source = `
      const module0 = getCoreModule('component.core.wasm');
      const module1 = getCoreModule('component.core2.wasm');
      ({ exports: exports0 } = yield instantiateCore(yield module0));
      ({ exports: exports1 } = yield instantiateCore(yield module0, {}));
      ({ exports: exports2 } = await instantiateCore(await module1, {}));`;
    expect(instanceCounts(source)).toEqual(new Map([['component.core.wasm', 2], ['component.core2.wasm', 1]]));
  });
});

describe('planMemories', () => {
  it('gives a lone memory the whole budget', () => {
    expect(planMemories([{ name: 'a', memories: [{ min: 1 }], instances: 1 }], budget(64))).toEqual(new Map([['a', 64]]));
  });

  it('splits the budget among the instances of a module', () => {
    const plan = planMemories([{ name: 'a', memories: [{ min: 1, max: 63 }], instances: 16 }], budget(64));
    expect(plan).toEqual(new Map([['a', 4]]));
  });

  it("gives the component's own memory all but a sixty-fourth of the budget beside an unbounded adapter memory", () => {
    const plan = planMemories(
      [
        { name: 'main', memories: [{ min: 26 }], instances: 1 },
        { name: 'adapter', memories: [{ min: 0 }], instances: 1 },
      ],
      budget(8192),
    );
    expect(plan).toEqual(new Map([['adapter', 128], ['main', 8064]]));
  });

  it('splits the budget equally among the instances of an unbounded module', () => {
    expect(planMemories([{ name: 'a', memories: [{ min: 1 }], instances: 16 }], budget(64))).toEqual(new Map([['a', 4]]));
  });

  it('lets a memory with a small maximum keep it, and gives the rest to the unbounded one', () => {
    const plan = planMemories(
      [
        { name: 'main', memories: [{ min: 17 }], instances: 1 },
        { name: 'adapter', memories: [{ min: 1, max: 2 }], instances: 1 },
        { name: 'shim', memories: [], instances: 3 },
      ],
      budget(64),
    );
    expect(plan).toEqual(new Map([['adapter', 2], ['main', 62]]));
  });

  it('refuses memories whose minima do not fit the budget together', () => {
    expect(() => planMemories([{ name: 'a', memories: [{ min: 10 }], instances: 8 }], budget(64))).toThrow(
      /needs 0.63 MiB of memory to start; the limit is 4 MiB, shared by 8 memories/,
    );
  });
});
