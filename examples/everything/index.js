// The "everything" server: exercises the whole wasi:mcp contract (tools with
// every content type, resources, a template, subscriptions, prompts,
// completions, logging, progress, notifications, stdout/stderr).
// Built with componentize-qjs for world `mcp-server-stdio` (see ../wit/stdio.wit).
import {
  declareCacheHint,
  registerPrompts,
  registerResources,
  registerResourceTemplates,
  registerServer,
  registerTools,
  serve,
} from 'wasi:mcp/runtime@0.1.0';
import { getStdout } from 'wasi:cli/stdout@0.2.3';
import { catchAll, fail, parseArgs, writeLine } from '../shared/mcp.js';
import { callTool, tools } from './tools.js';
import { readResource, resources, subscribe, templates, unsubscribe } from './resources.js';
import { complete, getPrompt, prompts } from './prompts.js';
import { declareAllIcons } from './icons.js';

export const run = {
  run() {
    registerServer({
      name: 'everything',
      version: '1.0.0',
      capabilities: {
        tools: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        prompts: { listChanged: false },
        logging: { levels: undefined },
        completions: { enabled: true },
      },
      instructions: 'A test server covering the whole wasi:mcp contract; try the add tool, the mem:// resources and the greet prompt.',
    });
    registerTools(tools);
    registerResources(resources);
    registerResourceTemplates(templates);
    registerPrompts(prompts);
    declareAllIcons();
    // The same for every caller and stable: MCP 2026-07-28 clients may reuse them (ttlMs, cacheScope).
    // QuickJS takes the u64 milliseconds as a plain number.
    declareCacheHint({ tag: 'prompts-list' }, 300_000, 'public');
    declareCacheHint({ tag: 'resource', val: 'mem://logo.png' }, 3_600_000, 'public');
    // Lets a host check that it captures the component's stdout.
    writeLine(getStdout(), `everything: registered ${tools.length} tools, ${resources.length} resources, ${prompts.length} prompts`);
    serve();
  },
};

export const handlers = catchAll({
  callTool: (name, args) => callTool(name, parseArgs(args)),
  readResource,
  getPrompt,
  handleSubscribe: subscribe,
  handleUnsubscribe: unsubscribe,
  handleComplete: (refType, refValue, argName, argValue, _context) => complete(refType, refValue, argName, argValue),
  handleElicit: () => fail('method-not-found', 'elicitation is not supported'),
});
