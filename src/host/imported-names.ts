/**
 * Whether a component may import a function that must suspend.
 * Without one, jco's sync mode is used instead of JSPI: no WebAssembly.promising
 * stack switch on every handler call, 13–22% more calls/s in the bench's
 * experiments. The examples built here all import them (their toolchains
 * import every function of an interface they use), so they keep JSPI.
 *
 * The answer comes from the bytes, before jco runs, because it decides how
 * jco transpiles: a component that imports a function names it, length first
 * as the binary format writes every name, in its type, import or alias
 * sections. Those are searched, core modules (most of the bytes) skipped. A
 * name found by chance only means JSPI, which works for every component.
 */
import { COMPONENT_SECTION, CORE_MODULE_SECTION, CUSTOM_SECTION, sections } from './sections.js';

function encodedName(name: string): Uint8Array {
  const utf8 = new TextEncoder().encode(name);
  // Names here are short: their length is a one-byte LEB128.
  return new Uint8Array([utf8.length, ...utf8]);
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  for (let at = haystack.indexOf(needle[0]); at >= 0 && at + needle.length <= haystack.length; at = haystack.indexOf(needle[0], at + 1)) {
    let i = 1;
    while (i < needle.length && haystack[at + i] === needle[i]) i++;
    if (i === needle.length) return true;
  }
  return false;
}

function mentions(component: Uint8Array, needles: Uint8Array[]): boolean {
  for (const { id, body } of sections(component)) {
    if (id === COMPONENT_SECTION) {
      if (mentions(body, needles)) return true;
    } else if (id !== CORE_MODULE_SECTION && id !== CUSTOM_SECTION && needles.some((n) => contains(body, n))) {
      return true;
    }
  }
  return false;
}

/** False only when no function named in `functions` (`interface#function`) can be among the component's imports. */
export function mayImportAny(component: Uint8Array, functions: string[]): boolean {
  const needles = functions.map((f) => encodedName(f.slice(f.indexOf('#') + 1)));
  try {
    return mentions(component, needles);
  } catch {
    return true;
  }
}
