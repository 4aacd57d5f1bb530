/**
 * jco's WIT printer (wasm-tools `component wit`) prints only the component's
 * own package, `root:component`: an interface of another package, exported
 * (`example:plain/ops`) or imported (a `types` interface whose records an
 * export uses), is named there but not defined, so its types would be
 * unknown. Renamed into the component's own package
 * (`root:component/iface0`, `root:component/import0`), the same instances
 * print as interfaces of that package, every type and `use` between them
 * included. This rewrites the names of the top-level import and export
 * sections, and nothing else, in a copy that is only printed, never run.
 */
import { sections } from '../sections.js';

/** The package the printer gives a component's own world and interfaces. */
const ROOT_PACKAGE = 'root:component';
const IMPORT_SECTION = 10;
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
      const byte = this.byte();
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
    }
  }
  byte(): number {
    const byte = this.bytes[this.at++];
    if (byte === undefined) throw new Error('an import or export section ends early');
    return byte;
  }
  take(n: number): Uint8Array {
    if (this.at + n > this.bytes.length) throw new Error('an import or export section ends early');
    return this.bytes.subarray(this.at, (this.at += n));
  }
}

/** Skips an `externdesc` (component binary format). */
function skipExternDesc(r: Reader): void {
  const kind = r.byte();
  if (kind === 0x00) r.byte(); // core module: 0x11 typeidx
  if (kind === 0x03) {
    // type bound: eq typeidx | sub resource
    if (r.byte() === 0x00) r.u32();
    return;
  }
  if (kind === 0x02) throw new Error('value imports and exports are not supported');
  r.u32();
}

/** Skips what follows an export's name: a `sortidx` and an optional `externdesc`. */
function skipExportTail(r: Reader): void {
  if (r.byte() === 0x00) r.byte(); // a core sort has a second byte
  r.u32();
  if (r.byte() === 0x01) skipExternDesc(r);
}

/** What follows a name, by section: an import's `externdesc`, an export's `sortidx` and optional `externdesc`. */
const TAILS: Record<number, (r: Reader) => void> = { [IMPORT_SECTION]: skipExternDesc, [EXPORT_SECTION]: skipExportTail };

/** Each top-level import or export section, with the names in it. */
function namedSections(component: Uint8Array, id: number): { start: number; body: Uint8Array; names: string[] }[] {
  const decoder = new TextDecoder();
  return [...sections(component)]
    .filter((s) => s.id === id)
    .map(({ start, body }) => {
      const r = new Reader(body);
      const names: string[] = [];
      for (let n = r.u32(); n > 0; n--) {
        r.byte();
        names.push(decoder.decode(r.take(r.u32())));
        TAILS[id](r);
      }
      return { start, body, names };
    });
}

/** The names of the component's top-level exports, as its export sections write them. */
export function exportNames(component: Uint8Array): string[] {
  return namedSections(component, EXPORT_SECTION).flatMap((s) => s.names);
}

export interface Renamed {
  /** The component with its interface imports and exports renamed; for printing only. */
  bytes: Uint8Array;
  /** Printed interface name (`iface0`) -> the real name, for every import and export that was renamed. */
  names: Map<string, string>;
}

const isInterface = (name: string) => name.includes(':') && name.includes('/');

/**
 * Renames every top-level import and export whose name is an interface
 * (`ns:pkg/name`, with or without a version) to `root:component/import<N>` or
 * `root:component/iface<N>`, names nothing else in the component has.
 */
export function renameInterfaces(component: Uint8Array): Renamed {
  const names = new Map<string, string>();
  const found = [IMPORT_SECTION, EXPORT_SECTION].flatMap((id) => namedSections(component, id).map((s) => ({ ...s, id })));
  const taken = new Set(found.flatMap((s) => s.names));
  const counters = new Map<string, number>();
  const fresh = (prefix: string): string => {
    let n = counters.get(prefix) ?? 0;
    while (taken.has(`${prefix}${n}`) || taken.has(`${ROOT_PACKAGE}/${prefix}${n}`)) n++;
    counters.set(prefix, n + 1);
    return `${prefix}${n}`;
  };
  const encoder = new TextEncoder();
  const rewritten = found
    .map(({ id, start, body }) => {
      const r = new Reader(body);
      const out: number[] = [];
      const count = r.u32();
      out.push(...leb(count));
      for (let n = 0; n < count; n++) {
        const discriminator = r.byte();
        const name = new TextDecoder().decode(r.take(r.u32()));
        let printed = name;
        if (isInterface(name)) {
          const short = fresh(id === IMPORT_SECTION ? 'import' : 'iface');
          printed = `${ROOT_PACKAGE}/${short}`;
          names.set(short, name);
        }
        const utf8 = encoder.encode(printed);
        out.push(discriminator, ...leb(utf8.length), ...utf8);
        const tailStart = r.at;
        TAILS[id](r);
        out.push(...body.subarray(tailStart, r.at));
      }
      const end = body.byteOffset - component.byteOffset + body.length;
      return { start, end, section: new Uint8Array([id, ...leb(out.length), ...out]) };
    })
    .sort((a, b) => a.start - b.start);
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const { start, end, section } of rewritten) {
    parts.push(component.subarray(at, start), section);
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
