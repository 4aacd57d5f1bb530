/**
 * jco's WIT printer (wasm-tools `component wit`) prints only the component's
 * own world: an exported interface of another package (`example:plain/ops`)
 * is named there but not defined, so its types would be unknown. Renamed to a
 * plain name (`iface0`), the same instance prints as an inline interface of
 * the world, every type included. This rewrites the names of the top-level
 * export sections, and nothing else, in a copy that is only printed, never
 * run.
 */
import { sections } from '../sections.js';

const EXPORT_SECTION = 11;

function leb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

class Reader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}
  u32(): number {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.bytes[this.at++];
      if (byte === undefined) throw new Error('export section ends early');
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
    }
  }
  byte(): number {
    const byte = this.bytes[this.at++];
    if (byte === undefined) throw new Error('export section ends early');
    return byte;
  }
  take(n: number): Uint8Array {
    if (this.at + n > this.bytes.length) throw new Error('export section ends early');
    return this.bytes.subarray(this.at, (this.at += n));
  }
}

/** Skips a `sortidx` and an optional `externdesc` (component binary format), copying them unchanged. */
function skipExportTail(r: Reader): void {
  if (r.byte() === 0x00) r.byte(); // a core sort has a second byte
  r.u32();
  if (r.byte() === 0x00) return; // no type ascription
  const kind = r.byte();
  if (kind === 0x00) r.byte(); // core module: 0x11 typeidx
  if (kind === 0x03) {
    // type bound: eq typeidx | sub resource
    if (r.byte() === 0x00) r.u32();
    return;
  }
  r.u32();
}

/** The names of the component's top-level exports, as its export sections write them. */
export function exportNames(component: Uint8Array): string[] {
  const decoder = new TextDecoder();
  const names: string[] = [];
  for (const { id, body } of sections(component)) {
    if (id !== EXPORT_SECTION) continue;
    const r = new Reader(body);
    for (let n = r.u32(); n > 0; n--) {
      r.byte();
      names.push(decoder.decode(r.take(r.u32())));
      skipExportTail(r);
    }
  }
  return names;
}

export interface Renamed {
  /** The component with its interface exports renamed; for printing only. */
  bytes: Uint8Array;
  /** Printed name -> the export's real name, for the exports that were renamed. */
  names: Map<string, string>;
}

/**
 * Renames every top-level export whose name is an interface (`ns:pkg/name`,
 * with or without a version) to `iface<N>`, a name no other export has.
 */
export function renameInterfaceExports(component: Uint8Array): Renamed {
  const names = new Map<string, string>();
  const decoder = new TextDecoder();
  const taken = new Set<string>();
  const parts: Uint8Array[] = [component.subarray(0, 8)];
  const rewritten: { start: number; end: number; body: number[] }[] = [];
  const exportSections = [...sections(component)].filter((s) => s.id === EXPORT_SECTION);
  for (const name of exportNames(component)) taken.add(name);
  let next = 0;
  const fresh = (): string => {
    while (taken.has(`iface${next}`)) next++;
    return `iface${next++}`;
  };
  for (const { start, body } of exportSections) {
    const r = new Reader(body);
    const out: number[] = [];
    const count = r.u32();
    out.push(...leb(count));
    for (let n = 0; n < count; n++) {
      const discriminator = r.byte();
      const name = decoder.decode(r.take(r.u32()));
      let printed = name;
      if (name.includes(':') && name.includes('/')) {
        printed = fresh();
        names.set(printed, name);
      }
      const utf8 = new TextEncoder().encode(printed);
      out.push(discriminator, ...leb(utf8.length), ...utf8);
      const tailStart = r.at;
      skipExportTail(r);
      out.push(...body.subarray(tailStart, r.at));
    }
    const end = body.byteOffset - component.byteOffset + body.length;
    rewritten.push({ start, end, body: out });
  }
  let at = 8;
  for (const { start, end, body } of rewritten) {
    parts.push(component.subarray(at, start), new Uint8Array([EXPORT_SECTION, ...leb(body.length), ...body]));
    at = end;
  }
  parts.push(component.subarray(at));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    bytes.set(p, offset);
    offset += p.length;
  }
  return { bytes, names };
}
