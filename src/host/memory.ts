/**
 * Memory limits for untrusted components. A wasm memory without a maximum can
 * grow to 4 GiB and take a browser tab down with it, so before compiling, the
 * host rewrites the memory section of each core module to give every memory
 * it defines a maximum no larger than the limit. memory.grow past it fails
 * inside the component (its allocator reports out-of-memory and it traps),
 * which the host sees as an ordinary trap plus a memory at its maximum.
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

/** Returns the module with every defined 32-bit memory capped at `maxPages` (unchanged if none needs it). */
export function capMemory(module: Uint8Array, maxPages: number): Uint8Array {
  let at = 8;
  while (at < module.length) {
    const id = module[at];
    const [size, payload] = readLeb(module, at + 1);
    const end = payload + size;
    if (id === MEMORY_SECTION) {
      const section = rewriteMemories(module.subarray(payload, end), maxPages);
      if (!section) return module;
      const out = new Uint8Array(at + 1 + writeLeb(section.length).length + section.length + (module.length - end));
      out.set(module.subarray(0, at + 1));
      const len = writeLeb(section.length);
      out.set(len, at + 1);
      out.set(section, at + 1 + len.length);
      out.set(module.subarray(end), at + 1 + len.length + section.length);
      return out;
    }
    at = end;
  }
  return module;
}

function rewriteMemories(section: Uint8Array, maxPages: number): Uint8Array | undefined {
  const [count, first] = readLeb(section, 0);
  const out: number[] = writeLeb(count);
  let at = first;
  let changed = false;
  for (let i = 0; i < count; i++) {
    const flags = section[at++];
    const [min, afterMin] = readLeb(section, at);
    let max: number | undefined;
    at = afterMin;
    if (flags & 1) [max, at] = readLeb(section, at);
    // Shared (2) and 64-bit (4) memories are left as they are; components do not use them today.
    if (flags & 0x06) {
      out.push(flags, ...writeLeb(min), ...(max === undefined ? [] : writeLeb(max)));
      continue;
    }
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
    out.push(flags | 1, ...writeLeb(min), ...writeLeb(capped));
  }
  return changed ? new Uint8Array(out) : undefined;
}

/** Watches the memories of a component's core instances. */
export class MemoryMeter {
  readonly #memories = new Set<WebAssembly.Memory>();
  readonly limitBytes: number;

  constructor(limitBytes: number) {
    this.limitBytes = limitBytes;
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
   * True when a memory is near its maximum. Allocators grow in large steps
   * (QuickJS asks for a whole 64 MiB buffer at once), so a failed grow can
   * leave a memory well short of the maximum: three quarters is the mark.
   */
  get nearLimit(): boolean {
    for (const m of this.#memories) if (m.buffer.byteLength >= this.limitBytes * 0.75) return true;
    return false;
  }
}
