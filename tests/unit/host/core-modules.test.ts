/** The core modules a component carries are found in its bytes, for an early compile. */
import { describe, expect, it } from 'vitest';
import { embeddedCoreModules, sameBytes } from '../../../src/host/core-modules.js';

const COMPONENT_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];
const coreModule = (marker: number) => [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x01, marker];
const section = (id: number, payload: number[]) => [id, payload.length, ...payload];

describe('embeddedCoreModules', () => {
  it('returns each top-level core module section, in order, as a view of the bytes', () => {
    const bytes = new Uint8Array([
      ...COMPONENT_HEADER,
      ...section(7, [0x00]),
      ...section(1, coreModule(0xaa)),
      ...section(0, [0x01, 0x78]),
      ...section(1, coreModule(0xbb)),
    ]);
    const modules = embeddedCoreModules(bytes);
    expect(modules.map((m) => [...m])).toEqual([coreModule(0xaa), coreModule(0xbb)]);
    expect(modules[0].buffer).toBe(bytes.buffer);
  });

  it('looks into nested components', () => {
    const inner = [...COMPONENT_HEADER, ...section(1, coreModule(0xcc))];
    const bytes = new Uint8Array([...COMPONENT_HEADER, ...section(1, coreModule(0xaa)), ...section(4, inner)]);
    expect(embeddedCoreModules(bytes).map((m) => [...m])).toEqual([coreModule(0xaa), coreModule(0xcc)]);
  });

  it('finds none in a component cut short', () => {
    const whole = [...COMPONENT_HEADER, ...section(1, coreModule(0xaa))];
    expect(embeddedCoreModules(new Uint8Array(whole.slice(0, -3)))).toEqual([]);
  });
});

describe('sameBytes', () => {
  it('compares views at any offset and of any length', () => {
    const a = new Uint8Array(1003).map((_, i) => (i * 7) & 0xff);
    const b = new Uint8Array(1010);
    b.set(a, 5);
    expect(sameBytes(a, b.subarray(5, 1008))).toBe(true);
    b[1007] ^= 1;
    expect(sameBytes(a, b.subarray(5, 1008))).toBe(false);
    b[1007] ^= 1;
    b[6] ^= 1;
    expect(sameBytes(a, b.subarray(5, 1008))).toBe(false);
    expect(sameBytes(a, a.subarray(0, 1002))).toBe(false);
  });
});
