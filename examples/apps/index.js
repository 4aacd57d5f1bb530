// The "apps" server: an MCP App (the Apps extension, io.modelcontextprotocol/ui).
// The tool show-counter names the view ui://apps/counter.html in its _meta; a
// host that supports Apps reads that resource and renders it in a sandboxed
// frame. The view calls increment, which only apps may call, and tries
// reset-counter, which only the model may call, so a host must refuse it.
// Built with componentize-qjs for world `mcp-server` (see ../../wit).
import { clientCapabilities, declareResourceMeta, declareToolMeta, registerResources, registerServer, registerTools, serve } from 'wasi:mcp/runtime@0.1.0';
import { catchAll, fail, jsonBytes, parseArgs, text, utf8Decode } from '../shared/mcp.js';
import { COUNTER_HTML } from './counter-html.js';

const VIEW = 'ui://apps/counter.html';
const APP_MIME = 'text/html;profile=mcp-app';

let count = 0;

const counted = (what, note = '') => ({ content: [text(`${what}: the counter is at ${count}${note}`)], structuredContent: jsonBytes({ count }) });

/** Whether the client declared that it shows MCP Apps views in HTML (its extension capabilities). */
function clientShowsApps() {
  const ui = JSON.parse(utf8Decode(clientCapabilities())).extensions?.['io.modelcontextprotocol/ui'];
  return Array.isArray(ui?.mimeTypes) && ui.mimeTypes.includes(APP_MIME);
}

const countSchema = jsonBytes({ type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] });

export const run = {
  run() {
    registerServer({
      name: 'apps',
      version: '1.0.0',
      capabilities: { tools: { listChanged: false }, resources: { subscribe: false, listChanged: false } },
      instructions: 'Call show-counter: the counter opens as an app; its +1 button calls increment, a tool only the app may call.',
    });
    registerTools([
      {
        name: 'show-counter',
        title: 'Show the counter',
        description: 'Sets the counter (to start, or leaves it) and shows it as an app',
        inputSchema: jsonBytes({ type: 'object', properties: { start: { type: 'integer', description: 'The value to start from' } } }),
        outputSchema: countSchema,
      },
      {
        name: 'increment',
        description: 'Adds `by` (1 unless given) to the counter. Only the app may call it.',
        inputSchema: jsonBytes({ type: 'object', properties: { by: { type: 'integer' } } }),
        outputSchema: countSchema,
      },
      {
        name: 'reset-counter',
        description: 'Sets the counter to 0. Only the model may call it: an app that tries is refused by the host.',
        inputSchema: jsonBytes({ type: 'object' }),
        outputSchema: countSchema,
      },
    ]);
    declareToolMeta('show-counter', jsonBytes({ ui: { resourceUri: VIEW } }));
    declareToolMeta('increment', jsonBytes({ ui: { resourceUri: VIEW, visibility: ['app'] } }));
    declareToolMeta('reset-counter', jsonBytes({ ui: { visibility: ['model'] } }));
    registerResources([{ uri: VIEW, name: 'counter', title: 'Counter app', description: 'The view of show-counter', mimeType: APP_MIME }]);
    // No csp: the host applies its restrictive default (no network at all).
    declareResourceMeta(VIEW, jsonBytes({ ui: { prefersBorder: true } }));
    serve();
  },
};

function callTool(name, args) {
  switch (name) {
    case 'show-counter':
      if (args.start !== undefined) count = integer(args.start, 'start');
      // The text is all a client without Apps shows: say so there.
      return counted('shown', clientShowsApps() ? '' : ' (this client shows no MCP Apps, so no counter view)');
    case 'increment':
      count += args.by === undefined ? 1 : integer(args.by, 'by');
      return counted('incremented');
    case 'reset-counter':
      count = 0;
      return counted('reset');
  }
  fail('tool-not-found', `no tool ${name}`);
}

function integer(value, what) {
  if (!Number.isSafeInteger(value)) fail('invalid-params', `\`${what}\` must be an integer`);
  return value;
}

export const handlers = catchAll({
  callTool: (name, args) => callTool(name, parseArgs(args)),
  readResource: (uri) => (uri === VIEW ? { contents: [text(COUNTER_HTML)] } : fail('resource-not-found', `no resource ${uri}`)),
  getPrompt: (name) => fail('prompt-not-found', `no prompt ${name}`),
  handleSubscribe: (uri) => fail('resource-not-found', `no resource ${uri}`),
  handleUnsubscribe: (uri) => fail('resource-not-found', `no resource ${uri}`),
  handleComplete: () => [],
  handleElicit: () => fail('method-not-found', 'elicitation is not supported'),
});
