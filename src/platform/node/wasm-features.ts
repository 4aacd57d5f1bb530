/**
 * Components built with componentize-qjs use the wasm extended-const feature
 * (an `i32.add` in a global's initializer). Node 22 has it; Node 20 needs
 * `--experimental-wasm-extended-const` (shared/notes/toolchain-facts.md).
 * V8 flags are process-wide and worker_threads isolates created afterwards
 * see them (measured on Node 20.20), so the CLI calls this once, before it
 * starts any worker. On a Node that validates the probe it does nothing: Node
 * 22 prints "unrecognized flag" (on stdout) for the old flag.
 */
import { setFlagsFromString } from 'node:v8';

/** A module with one global whose initializer is `i32.const 1; i32.const 2; i32.add`. */
const EXTENDED_CONST_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x06, 0x09, 0x01, 0x7f, 0x00, 0x41, 0x01, 0x41, 0x02, 0x6a, 0x0b,
]);

/** Returns whether extended-const is available after the attempt. */
export function enableWasmFeatures(): boolean {
  if (WebAssembly.validate(EXTENDED_CONST_PROBE)) return true;
  setFlagsFromString('--experimental-wasm-extended-const');
  return WebAssembly.validate(EXTENDED_CONST_PROBE);
}
