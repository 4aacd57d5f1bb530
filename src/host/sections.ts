/**
 * The top-level sections of a WebAssembly binary, component or core module:
 * after the 8-byte header, an id byte, the payload size as a LEB128 u32, and
 * the payload. One walk serves the file checks, the core-module index and the
 * import scan.
 */

/** Section ids in a component binary. */
export const CUSTOM_SECTION = 0;
export const CORE_MODULE_SECTION = 1;
export const COMPONENT_SECTION = 4;

export interface Section {
  id: number;
  /** Offset of the id byte in the binary. */
  start: number;
  /** A view of the payload, not a copy. */
  body: Uint8Array;
}

/** Why the walk stopped: the binary ends in a header (`cut`) or a payload (`overrun`), or a size is not a u32 (`malformed`). */
export class SectionError extends Error {
  override name = 'SectionError';
  constructor(
    readonly reason: 'cut' | 'overrun' | 'malformed',
    readonly start: number,
    readonly declared = 0,
    readonly available = 0,
  ) {
    super(`section at byte ${start}: ${reason}`);
  }
}

export function* sections(binary: Uint8Array): Generator<Section> {
  let at = 8;
  while (at < binary.length) {
    const start = at++;
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      if (at >= binary.length) throw new SectionError('cut', start);
      const byte = binary[at++];
      size += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) break;
      if (shift >= 28) throw new SectionError('malformed', start);
    }
    if (at + size > binary.length) throw new SectionError('overrun', start, size, binary.length - at);
    yield { id: binary[start], start, body: binary.subarray(at, at + size) };
    at += size;
  }
}
