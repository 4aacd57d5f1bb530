// A server with 300 tools: the playground must hold 300 tools without lag.
// Names are generated as `<verb>_<noun>` (10 verbs x 30 nouns, e.g. `archive_invoice`), and the
// input schemas cycle through six shapes so that the form generator sees every kind of field.
// Every tool answers with its name and the arguments it got. Built with componentize-qjs.
import { registerServer, registerTools, serve } from 'wasi:mcp/runtime@0.1.0';
import { catchAll, fail, jsonBytes, parseArgs, text, toolsOnly } from '../shared/mcp.js';

const VERBS = ['get', 'list', 'create', 'update', 'delete', 'search', 'export', 'import', 'archive', 'restore'];
const NOUNS = [
  'account', 'address', 'alert', 'attachment', 'budget', 'calendar', 'campaign', 'comment', 'contract', 'coupon',
  'customer', 'dashboard', 'device', 'document', 'event', 'folder', 'invoice', 'ledger', 'message', 'order',
  'payment', 'policy', 'product', 'project', 'report', 'schedule', 'shipment', 'ticket', 'vendor', 'widget',
];

const object = (properties, required = []) => ({ type: 'object', properties, required });

/** The input schema of tool number `i`: six shapes in turn. */
function schemaFor(i, noun) {
  switch (i % 6) {
    case 0:
      return object({ id: { type: 'string', description: `Which ${noun}` } }, ['id']);
    case 1:
      return object({ limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 }, offset: { type: 'number' } });
    case 2:
      return object({ name: { type: 'string' }, active: { type: 'boolean' } }, ['name']);
    case 3:
      return object({ format: { type: 'string', enum: ['json', 'csv', 'xml'] } }, ['format']);
    case 4:
      return object({ tags: { type: 'array', items: { type: 'string' } } });
    default:
      return object({ filter: object({ field: { type: 'string' }, value: { type: 'string' } }, ['field']) });
  }
}

// Computed at build time (top-level code runs in the Wizer snapshot); registered in `run`.
const tools = [];
for (const verb of VERBS) {
  for (const noun of NOUNS) {
    const i = tools.length;
    const tool = {
      name: `${verb}_${noun}`,
      description: `${verb[0].toUpperCase()}${verb.slice(1)} ${noun} records (tool ${i + 1} of 300)`,
      inputSchema: jsonBytes(schemaFor(i, noun)),
    };
    // A few with titles and hints, so the list shows both kinds of row.
    if (i % 7 === 0) tool.annotations = { title: `${verb} ${noun}`, readOnlyHint: verb === 'get' || verb === 'list' };
    tools.push(tool);
  }
}
const names = new Set(tools.map((t) => t.name));

export const run = {
  run() {
    registerServer({
      name: 'many-tools',
      version: '1.0.0',
      capabilities: { tools: { listChanged: false } },
      instructions: `${tools.length} generated tools named verb_noun, for trying search and long lists.`,
    });
    registerTools(tools);
    serve();
  },
};

export const handlers = catchAll(
  toolsOnly((name, args) => {
    if (!names.has(name)) fail('tool-not-found', `no tool ${name}`);
    return { content: [text(`${name} called with ${JSON.stringify(parseArgs(args))}`)] };
  }),
);
