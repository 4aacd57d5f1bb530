// The smallest useful wasi:mcp server: one tool, `echo`, that returns its text.
// Built with componentize-qjs (QuickJS) against world `mcp-server` in ../../wit.
import { registerServer, registerTools, serve } from 'wasi:mcp/runtime@0.1.0';
import { fail, jsonBytes, parseArgs, text } from '../shared/mcp.js';

// wasi:cli/run is the entry point: the host calls it once after instantiation.
// Registration must happen here, not at module top level: top-level code runs
// at build time (Wizer snapshot), where no host imports exist.
export const run = {
  run() {
    registerServer({
      name: 'echo',
      version: '1.0.0',
      capabilities: { tools: { listChanged: false } },
    });
    registerTools([
      {
        name: 'echo',
        description: 'Returns the text it is given',
        inputSchema: jsonBytes({
          type: 'object',
          properties: { text: { type: 'string' } },
          required: ['text'],
        }),
      },
    ]);
    serve(); // returns at once; the host then calls `handlers` below
  },
};

export const handlers = {
  callTool(name, args) {
    if (name !== 'echo') fail('tool-not-found', `no tool ${name}`);
    const { text: t } = parseArgs(args);
    // The host validates against the schema, but a component must not trust that.
    if (typeof t !== 'string') fail('invalid-params', '`text` must be a string');
    return { content: [text(t)] };
  },
  readResource: (uri) => fail('resource-not-found', `no resource ${uri}`),
  getPrompt: (name) => fail('prompt-not-found', `no prompt ${name}`),
  handleSubscribe: (uri) => fail('resource-not-found', `no resource ${uri}`),
  handleUnsubscribe: (uri) => fail('resource-not-found', `no resource ${uri}`),
  handleComplete: () => [],
  handleElicit: () => fail('method-not-found', 'elicitation is not supported'),
};
