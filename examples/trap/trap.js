// A deliberately hostile server, for testing how a host survives misbehaving
// components. Tools: `ok` works; `trap`, `loop` and `oom` each break the
// instance in a different way. Built with componentize-qjs for `mcp-server`.
import { registerServer, registerTools, serve } from 'wasi:mcp/runtime@0.1.0';
import { fail, jsonBytes, text, toolsOnly } from '../shared/mcp.js';

const NO_ARGS = jsonBytes({ type: 'object', properties: {} });

// Grows without bound; a global so the garbage collector can free nothing.
const hoard = [];

const tools = {
  ok: () => ({ content: [text('ok')] }),
  // An uncaught JS exception (anything but a wasi:mcp `error`) makes the
  // QuickJS runtime panic, which executes `unreachable`: a real wasm trap.
  // The host sees WebAssembly.RuntimeError, and the instance is unusable
  // afterwards (every later call: "cannot enter component instance").
  trap: () => {
    throw new Error('deliberate trap');
  },
  // Never returns. Only a host-side watchdog (terminating the Worker) stops it.
  loop: () => {
    for (;;) {}
  },
  // Allocates 64 MiB buffers until linear memory cannot grow any more (4 GiB
  // for wasm32 unless the host caps it), then QuickJS throws "out of memory",
  // which traps like `trap`. The buffers are never written, so the host's
  // resident memory grows far less than the wasm memory does.
  oom: () => {
    for (;;) hoard.push(new Uint8Array(64 * 1024 * 1024));
  },
};

export const run = {
  run() {
    registerServer({ name: 'trap', version: '1.0.0', capabilities: { tools: { listChanged: false } } });
    registerTools([
      { name: 'ok', description: 'Returns "ok"', inputSchema: NO_ARGS },
      { name: 'trap', description: 'Causes a wasm trap', inputSchema: NO_ARGS },
      { name: 'loop', description: 'Never returns (infinite loop)', inputSchema: NO_ARGS },
      { name: 'oom', description: 'Allocates memory until it runs out', inputSchema: NO_ARGS },
    ]);
    serve();
  },
};

export const handlers = toolsOnly((name) => {
  if (!Object.hasOwn(tools, name)) fail('tool-not-found', `no tool ${name}`);
  return tools[name]();
});
