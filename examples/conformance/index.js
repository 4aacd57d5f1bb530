// A server for the official MCP conformance suite
// (@modelcontextprotocol/conformance, server scenarios): exactly the tools,
// resources, template, prompts and completions its scenarios call, with the
// results they check. Run by `npm run conformance` (scripts/conformance.mjs);
// see docs/conformance.md.
import {
  declareTaskSupport,
  registerPrompts,
  registerResources,
  registerResourceTemplates,
  registerServer,
  registerTools,
  serve,
} from 'wasi:mcp/runtime@0.1.0';
import { catchAll, fail, parseArgs } from '../shared/mcp.js';
import { callTool, tools } from './tools.js';
import { readResource, resources, subscribe, templates, unsubscribe } from './resources.js';
import { complete, getPrompt, prompts } from './prompts.js';
import { taskSupport } from './tasks.js';

export const run = {
  run() {
    registerServer({
      name: 'conformance',
      version: '1.0.0',
      capabilities: {
        tools: { listChanged: true },
        resources: { subscribe: true, listChanged: false },
        prompts: { listChanged: true },
        logging: { levels: undefined },
        completions: { enabled: true },
      },
      instructions: 'The fixtures of the MCP conformance suite (server scenarios), as a wasi:mcp component.',
    });
    registerTools(tools);
    for (const [tool, support] of taskSupport) declareTaskSupport(tool, support);
    registerResources(resources);
    registerResourceTemplates(templates);
    registerPrompts(prompts);
    serve();
  },
};

const handled = catchAll({
  callTool: (name, args) => callTool(name, parseArgs(args)),
  readResource,
  getPrompt,
  handleSubscribe: subscribe,
  handleUnsubscribe: unsubscribe,
  handleComplete: (refType, refValue, argName, argValue, _context) => complete(refType, refValue, argName, argValue),
  handleElicit: () => fail('method-not-found', 'the host never calls handle-elicit; tools use request-elicitation'),
});

// `crash` is for the host's own tests, not the suite: an uncaught exception outside catchAll makes
// the QuickJS runtime trap, and the host restarts the component.
export const handlers = {
  ...handled,
  callTool: (name, args) => {
    if (name === 'crash') throw new Error('crash: a deliberate trap');
    return handled.callTool(name, args);
  },
};
