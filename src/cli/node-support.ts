/**
 * The Node versions the CLI runs on: 22 and later (Node 20 is end-of-life,
 * and cannot compile the wasm extended-const that QuickJS-built components
 * use without a flag). Only Node 24 has JavaScript Promise Integration
 * (WebAssembly.Suspending), which a component needs to wait for the client or
 * for the network; on Node 22 the CLI says so once, at start.
 */
import { hasJspi } from '../host/load.js';

export const MIN_NODE_MAJOR = 22;

/** Why this Node cannot run the CLI, or undefined if it can. */
export function unsupportedNode(version = process.versions.node): string | undefined {
  const major = Number(version.split('.')[0]);
  return major >= MIN_NODE_MAJOR ? undefined : `Node ${version} is not supported; use Node ${MIN_NODE_MAJOR} or later`;
}

/** The one line to print at start when this Node lacks JSPI, or undefined when it has it. */
export function jspiNote(jspi = hasJspi()): string | undefined {
  if (jspi) return undefined;
  return (
    `Node ${process.version} has no WebAssembly JSPI (WebAssembly.Suspending): a component's request-sampling and ` +
    'request-elicitation answer "unavailable" and its wasi:http requests cannot wait for a response; Node 24 has JSPI'
  );
}
