// A hostile server that registers garbage: schemas that are not JSON or not
// JSON Schema, duplicate names, huge descriptions, over-long names. The host must refuse each
// one with a specific error and register nothing from a refused batch. The component catches
// every refusal and serves a tool, `refusals`, that lists what it tried and what the host said.
// With GARBAGE_ESCAPE=1 in its environment (a host grant) it lets the last refusal escape `run`
// instead, so that a host can show how a failed registration reads. Built with componentize-qjs
// for world `mcp-server-env` (../wit/env.wit).
import { registerPrompts, registerResources, registerServer, registerTools, serve } from 'wasi:mcp/runtime@0.1.0';
import { getEnvironment } from 'wasi:cli/environment@0.2.3';
import { catchAll, fail, jsonBytes, text, toolsOnly, utf8Encode } from '../shared/mcp.js';

const OBJECT = jsonBytes({ type: 'object', properties: {} });
const tool = (name, extra = {}) => ({ name, description: `the ${name} tool`, inputSchema: OBJECT, ...extra });

// Each case: what it is, and the registration to try. The host's limits are in src/host/registry.ts.
const CASES = [
  ['schema that is not JSON', () => registerTools([tool('bad-json', { inputSchema: utf8Encode('{"type": "object",') })])],
  ['schema that is not UTF-8', () => registerTools([tool('bad-utf8', { inputSchema: new Uint8Array([0xff, 0xfe, 0x7b]) })])],
  ['schema that is a JSON array', () => registerTools([tool('array-schema', { inputSchema: jsonBytes([]) })])],
  ['schema of a type other than object', () => registerTools([tool('string-schema', { inputSchema: jsonBytes({ type: 'string' }) })])],
  [
    'schema with a misspelt type',
    () => registerTools([tool('misspelt', { inputSchema: jsonBytes({ type: 'object', properties: { n: { type: 'nubmer' } } }) })]),
  ],
  [
    'schema with a pattern that is not a regular expression',
    () => registerTools([tool('bad-pattern', { inputSchema: jsonBytes({ type: 'object', properties: { s: { type: 'string', pattern: '([' } } }) })]),
  ],
  [
    'schema with a $ref to nothing',
    () => registerTools([tool('dangling-ref', { inputSchema: jsonBytes({ type: 'object', properties: { a: { $ref: '#/$defs/a' } } }) })]),
  ],
  ['output schema that is not an object', () => registerTools([tool('bad-output', { outputSchema: jsonBytes('sum') })])],
  ['two tools of one name in a batch', () => registerTools([tool('twin'), tool('twin')])],
  ['a tool that is already registered', () => registerTools([tool('refusals')])],
  ['a tool with an empty name', () => registerTools([tool('')])],
  ['a tool with a 300-character name', () => registerTools([tool('n'.repeat(300))])],
  ['a 100,000-character description', () => registerTools([tool('verbose', { description: 'd'.repeat(100000) })])],
  ['a schema over 1 MiB', () => registerTools([tool('huge-schema', { inputSchema: utf8Encode(`{"type":"object","description":"${'x'.repeat(1 << 20)}"}`) })])],
  ['two resources of one URI', () => registerResources([{ uri: 'mem://a', name: 'a' }, { uri: 'mem://a', name: 'b' }])],
  ['a prompt with an argument named twice', () => registerPrompts([{ name: 'p', arguments: [{ name: 'x' }, { name: 'x' }] }])],
  ['a second register-server', () => registerServer({ name: 'again', version: '1', capabilities: {} })],
];

// The message of a refused registration: QuickJS throws an Error whose payload is the host's error.
const refusal = (e) => (e && e.payload ? `${e.payload.code()}: ${e.payload.message()}` : `not a refusal: ${e}`);

let report = [];

export const run = {
  run() {
    registerServer({ name: 'garbage', version: '1.0.0', capabilities: { tools: { listChanged: false } } });
    registerTools([
      tool('refusals', { description: 'Lists each garbage registration this component tried and what the host answered' }),
    ]);
    const escape = getEnvironment().some(([key, value]) => key === 'GARBAGE_ESCAPE' && value === '1');
    report = CASES.map(([what, attempt], i) => {
      try {
        attempt();
        return { what, accepted: true };
      } catch (e) {
        if (escape && i === CASES.length - 1) throw e;
        return { what, refused: refusal(e) };
      }
    });
    serve();
  },
};

export const handlers = catchAll(
  toolsOnly((name) => {
    if (name !== 'refusals') fail('tool-not-found', `no tool ${name}`);
    return { content: [text(report.map((r) => `${r.what}: ${r.refused ?? 'ACCEPTED'}`).join('\n'))], structuredContent: jsonBytes({ report }) };
  }),
);
