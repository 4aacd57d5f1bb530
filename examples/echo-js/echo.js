// The echo server again, built with componentize-js (SpiderMonkey/StarlingMonkey)
// to show that toolchain works against the same WIT. SpiderMonkey has
// TextEncoder/TextDecoder and console (which writes to the component's stdout/stderr).
// Differences from QuickJS: an absent option<T> arrives as `undefined` (not null)
// and u64 values are BigInt.
import { registerServer, registerTools, serve } from 'wasi:mcp/runtime@0.1.0';
import { Error as McpError } from 'wasi:mcp/types@0.1.0';

const fail = (code, message) => {
  throw new McpError(code, message, undefined);
};
const json = (v) => new TextEncoder().encode(JSON.stringify(v));

export const run = {
  run() {
    registerServer({
      name: 'echo-js',
      version: '1.0.0',
      capabilities: { tools: { listChanged: false } },
    });
    registerTools([
      {
        name: 'echo',
        description: 'Returns the text it is given',
        inputSchema: json({
          type: 'object',
          properties: { text: { type: 'string' } },
          required: ['text'],
        }),
      },
    ]);
    serve();
  },
};

export const handlers = {
  callTool(name, args) {
    if (name !== 'echo') fail('tool-not-found', `no tool ${name}`);
    let parsed;
    try {
      parsed = JSON.parse(new TextDecoder().decode(args));
    } catch (e) {
      fail('invalid-params', `arguments are not valid JSON: ${e.message}`);
    }
    if (typeof parsed?.text !== 'string') fail('invalid-params', '`text` must be a string');
    return { content: [{ tag: 'text', val: { contentType: 'text', text: parsed.text } }] };
  },
  readResource: (uri) => fail('resource-not-found', `no resource ${uri}`),
  getPrompt: (name) => fail('prompt-not-found', `no prompt ${name}`),
  handleSubscribe: (uri) => fail('resource-not-found', `no resource ${uri}`),
  handleUnsubscribe: (uri) => fail('resource-not-found', `no resource ${uri}`),
  handleComplete: () => [],
  handleElicit: () => fail('method-not-found', 'elicitation is not supported'),
};
