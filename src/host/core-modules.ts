/**
 * The core modules a component carries. jco hands them back byte for byte
 * among its output files (with a few small ones of its own), so the host can
 * start compiling them from the component's bytes the moment a load begins,
 * while it hashes the bytes, reads the cache and imports the generated module,
 * and the cache need not store them again.
 */
import { COMPONENT_SECTION, CORE_MODULE_SECTION, sections } from './sections.js';

function collect(component: Uint8Array, into: Uint8Array[]): void {
  for (const { id, body } of sections(component)) {
    if (id === CORE_MODULE_SECTION) into.push(body);
    // componentize-qjs nests the QuickJS runtime and its adapters in components of their own.
    else if (id === COMPONENT_SECTION) collect(body, into);
  }
}

/** Views (not copies) of every core module in a component, nested components included; none if the walk fails. */
export function embeddedCoreModules(component: Uint8Array): Uint8Array[] {
  const modules: Uint8Array[] = [];
  try {
    collect(component, modules);
  } catch {
    return [];
  }
  return modules;
}

/** Byte equality, four bytes at a time (about 5 ms for 12.8 MB). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  const da = new DataView(a.buffer, a.byteOffset, a.length);
  const db = new DataView(b.buffer, b.byteOffset, b.length);
  const whole = a.length - (a.length % 4);
  for (let i = 0; i < whole; i += 4) if (da.getUint32(i) !== db.getUint32(i)) return false;
  for (let i = whole; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
