/**
 * Memory limits for untrusted components. A wasm memory without a maximum can
 * grow to 4 GiB and take a browser tab down with it, so before compiling, the
 * host rewrites the memory section of each core module to give every memory
 * it defines a maximum no larger than its share of the component's budget
 * (memory-plan.ts). memory.grow past it fails inside the component (its
 * allocator reports out-of-memory and it traps), which the host sees as an
 * ordinary trap plus memories near the budget. 64-bit and shared memories are
 * refused: no toolchain of wasi:mcp components makes them, and a host that
 * capped only the others would leave them unbounded.
 */
import { HostError } from './errors.js';

export const WASM_PAGE_BYTES = 65536;
const MEMORY_SECTION = 5;

function readLeb(bytes: Uint8Array, offset: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let at = offset;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error('truncated LEB128');
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, at];
    shift += 7;
  }
}

function writeLeb(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  do {
    let byte = rest % 128;
    rest = Math.floor(rest / 128);
    if (rest > 0) byte |= 0x80;
    out.push(byte);
  } while (rest > 0);
  return out;
}

/** The memory section's payload, if the module has one. */
function memorySection(module: Uint8Array): { start: number; payload: number; end: number } | undefined {
  let at = 8;
  while (at < module.length) {
    const id = module[at];
    const [size, payload] = readLeb(module, at + 1);
    const end = payload + size;
    if (id === MEMORY_SECTION) return { start: at, payload, end };
    at = end;
  }
  return undefined;
}

export interface MemoryType {
  /** Pages. */
  min: number;
  max?: number;
}

function readMemories(section: Uint8Array): MemoryType[] {
  const [count, first] = readLeb(section, 0);
  const memories: MemoryType[] = [];
  let at = first;
  for (let i = 0; i < count; i++) {
    const flags = section[at++]!;
    if (flags & 0x04) throw unsupported('a 64-bit memory');
    if (flags & 0x02) throw unsupported('a shared memory');
    const [min, afterMin] = readLeb(section, at);
    at = afterMin;
    if (flags & 1) {
      const [max, afterMax] = readLeb(section, at);
      at = afterMax;
      memories.push({ min, max });
    } else memories.push({ min });
  }
  return memories;
}

function unsupported(what: string): HostError {
  return new HostError(
    'UNSUPPORTED_MEMORY',
    `a core module of the component defines ${what}; the host runs only 32-bit, unshared memories, which it can cap`,
  );
}

/** The memories a core module defines (not those it imports); throws UNSUPPORTED_MEMORY for a 64-bit or shared one. */
export function definedMemories(module: Uint8Array): MemoryType[] {
  const section = memorySection(module);
  return section ? readMemories(module.subarray(section.payload, section.end)) : [];
}

/** Returns the module with every defined memory capped at `maxPages` (unchanged if none needs it). */
export function capMemory(module: Uint8Array, maxPages: number): Uint8Array {
  const found = memorySection(module);
  if (!found) return module;
  const { start: at, payload, end } = found;
  const section = rewriteMemories(module.subarray(payload, end), maxPages);
  if (!section) return module;
  const len = writeLeb(section.length);
  const out = new Uint8Array(at + 1 + len.length + section.length + (module.length - end));
  out.set(module.subarray(0, at + 1));
  out.set(len, at + 1);
  out.set(section, at + 1 + len.length);
  out.set(module.subarray(end), at + 1 + len.length + section.length);
  return out;
}

function rewriteMemories(section: Uint8Array, maxPages: number): Uint8Array | undefined {
  const memories = readMemories(section);
  const out: number[] = writeLeb(memories.length);
  let changed = false;
  for (const { min, max } of memories) {
    const capped = Math.min(max ?? Infinity, maxPages);
    if (min > capped) {
      throw new HostError(
        'MEMORY_LIMIT',
        `the component needs ${(min * WASM_PAGE_BYTES) / 2 ** 20} MiB of memory to start; the limit is ${
          (maxPages * WASM_PAGE_BYTES) / 2 ** 20
        } MiB`,
      );
    }
    if (capped !== max) changed = true;
    out.push(1, ...writeLeb(min), ...writeLeb(capped));
  }
  return changed ? new Uint8Array(out) : undefined;
}

/**
 * The memories of a component's core instances: what they use, and the budget
 * they share. Each instance is charged the maxima of the memories it defines
 * before it is created, so however many there are, together they stay within
 * the budget.
 */
export class MemoryMeter {
  readonly #memories = new Set<WebAssembly.Memory>();
  readonly limitBytes: number;
  #reservedPages = 0;

  constructor(limitBytes: number) {
    this.limitBytes = limitBytes;
  }

  /** Charges an instance-to-be whose memories may grow to `pages` in all; throws MEMORY_LIMIT past the budget. */
  reserve(pages: number): void {
    const limitPages = Math.floor(this.limitBytes / WASM_PAGE_BYTES);
    if (this.#reservedPages + pages > limitPages) {
      throw new HostError(
        'MEMORY_LIMIT',
        `the component's memories could grow to more than its budget of ${mib(this.limitBytes)}`,
      );
    }
    this.#reservedPages += pages;
  }

  /** Records the memories an instance exports (jco's instantiateCore hook calls this). */
  track(instance: WebAssembly.Instance): void {
    for (const value of Object.values(instance.exports)) {
      if (value instanceof WebAssembly.Memory) this.#memories.add(value);
    }
  }

  /** Bytes of linear memory in use now, all memories together. */
  get bytes(): number {
    let total = 0;
    for (const m of this.#memories) total += m.buffer.byteLength;
    return total;
  }

  /**
   * True when the memories are near the budget. Allocators grow in large
   * steps (QuickJS asks for a whole 64 MiB buffer at once), so a failed grow
   * can leave a memory well short of its maximum: three quarters is the mark.
   */
  get nearLimit(): boolean {
    return this.bytes >= this.limitBytes * 0.75;
  }
}

/** Bytes in MiB for messages: whole from 1 MiB up, else to two decimals. */
export function mib(bytes: number): string {
  const n = bytes / 2 ** 20;
  return `${n >= 1 ? Math.round(n) : Math.round(n * 100) / 100} MiB`;
}
