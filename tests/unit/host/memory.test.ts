import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import { capMemory, MemoryMeter, WASM_PAGE_BYTES } from '../../../src/host/memory.js';

const maximumOf = async (bytes: Uint8Array) => {
  const module = await WebAssembly.compile(bytes as BufferSource);
  const instance = await WebAssembly.instantiate(module);
  const memory = instance.exports.mem as WebAssembly.Memory;
  // grow reports failure by throwing once the maximum is reached
  let pages = memory.buffer.byteLength / WASM_PAGE_BYTES;
  for (;;) {
    try {
      memory.grow(1);
      pages += 1;
    } catch {
      return pages;
    }
    if (pages > 5000) return Infinity;
  }
};

describe('capMemory', () => {
  it('gives an unbounded memory a maximum', async () => {
    const bytes = await parse('(module (memory (export "mem") 1) (func (export "f")))');
    expect(await maximumOf(bytes)).toBe(Infinity);
    expect(await maximumOf(capMemory(bytes, 3))).toBe(3);
  });

  it('lowers a larger maximum and keeps a smaller one', async () => {
    const large = await parse('(module (memory (export "mem") 1 100))');
    expect(await maximumOf(capMemory(large, 4))).toBe(4);
    const small = await parse('(module (memory (export "mem") 1 2))');
    expect(capMemory(small, 4)).toBe(small);
  });

  it('refuses a module whose initial memory is over the limit', async () => {
    const bytes = await parse('(module (memory (export "mem") 10))');
    expect(() => capMemory(bytes, 4)).toThrow(/needs 0.625 MiB of memory to start; the limit is 0.25 MiB/);
  });

  it('leaves a module without a memory alone', async () => {
    const bytes = await parse('(module (func (export "f")))');
    expect(capMemory(bytes, 4)).toBe(bytes);
  });
});

describe('MemoryMeter', () => {
  it('sums the exported memories of tracked instances', async () => {
    const bytes = await parse('(module (memory (export "mem") 2))');
    const meter = new MemoryMeter(4 * WASM_PAGE_BYTES);
    const instance = await WebAssembly.instantiate(await WebAssembly.compile(bytes as BufferSource));
    meter.track(instance);
    expect(meter.bytes).toBe(2 * WASM_PAGE_BYTES);
    expect(meter.nearLimit).toBe(false);
    (instance.exports.mem as WebAssembly.Memory).grow(1);
    expect(meter.nearLimit).toBe(true);
  });
});
