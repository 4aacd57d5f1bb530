/**
 * What a file must pass before jco sees it (files that are
 * not wasm, are truncated, or are huge each get their own error). All three
 * checks are instant, so the CLI runs them before it starts a worker.
 */
import { HostError } from './errors.js';
import { SectionError, sections } from './sections.js';

/**
 * The largest component the host loads. The biggest toolchain output here is
 * about 15 MiB (componentize-js); the transpiler holds several copies of the
 * bytes, so far larger files would only take a tab or a worker down slowly.
 */
export const MAX_COMPONENT_BYTES = 100 * 2 ** 20;

const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;

export function checkSize(bytes: number): void {
  if (bytes > MAX_COMPONENT_BYTES) {
    throw new HostError(
      'TOO_LARGE',
      `the file is ${mib(bytes)} (${bytes} bytes); components of up to ${MAX_COMPONENT_BYTES / 2 ** 20} MiB can be loaded`,
    );
  }
}

/** Distinguishes "not wasm", "core module" and "component" from the 8-byte header. */
export function checkHeader(bytes: Uint8Array): void {
  const magic = bytes.length >= 8 && bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
  if (!magic) {
    throw new HostError(
      'NOT_WASM',
      bytes.length < 8
        ? `not a WebAssembly file: only ${bytes.length} bytes`
        : 'not a WebAssembly file: it does not start with \\0asm',
    );
  }
  const layer = bytes[6] | (bytes[7] << 8);
  if (layer === 0) {
    throw new HostError(
      'NOT_A_COMPONENT',
      'this is a core WebAssembly module, not a component: build it for the wasi:mcp/mcp-server world (see wit/)',
    );
  }
}

/**
 * Walks the top-level sections (an id byte, then the payload size as LEB128):
 * a file cut short ends inside one. jco would only say "unexpected
 * end-of-file (at offset 0x19f95b)".
 */
export function checkSections(bytes: Uint8Array): void {
  try {
    for (const section of sections(bytes)) void section;
  } catch (e) {
    if (!(e instanceof SectionError)) throw e;
    if (e.reason === 'malformed') return; // malformed rather than short: jco names it better
    const detail = e.reason === 'cut' ? 'it ends inside a section header' : `a section declares ${e.declared} bytes but only ${e.available} follow`;
    throw new HostError(
      'TRUNCATED',
      `the file is truncated: ${detail} (section at byte ${e.start}, file of ${bytes.length} bytes); is the download or copy complete?`,
    );
  }
}

/** Every check above, in order. */
export function checkBytes(bytes: Uint8Array): void {
  checkSize(bytes.length);
  checkHeader(bytes);
  checkSections(bytes);
}
