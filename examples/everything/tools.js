// Tools: one per feature of a tool result or of the runtime imports.
import {
  currentProgressToken,
  log,
  reportProgress,
  requestElicitation,
  requestRoots,
  requestSampling,
  sendNotification,
} from 'wasi:mcp/runtime@0.1.0';
import { getStderr } from 'wasi:cli/stderr@0.2.3';
import { fail, jsonBytes, parseArgs, text, writeLine } from '../shared/mcp.js';
import { BEEP_WAV_BASE64, LOGO_PNG_BASE64 } from './assets.js';
import { bumpWatched, subscriptions } from './resources.js';

const object = (properties = {}, required = []) => jsonBytes({ type: 'object', properties, required });
const NO_ARGS = object();

export const tools = [
  {
    name: 'add',
    title: 'Add numbers',
    description: 'Adds two numbers; returns text and structured content {sum}',
    inputSchema: object({ a: { type: 'number' }, b: { type: 'number' } }, ['a', 'b']),
    outputSchema: object({ sum: { type: 'number' } }, ['sum']),
    annotations: { title: 'Add numbers', readOnlyHint: true, idempotentHint: true },
  },
  { name: 'image', description: 'Returns a 16x16 PNG as image content', inputSchema: NO_ARGS },
  { name: 'audio', description: 'Returns a 100 ms beep as audio/wav content', inputSchema: NO_ARGS },
  { name: 'embedded', description: 'Returns an embedded text resource', inputSchema: NO_ARGS },
  { name: 'link', description: 'Returns a resource link to mem://logo.png', inputSchema: NO_ARGS },
  { name: 'fail', description: 'Returns a result with isError: true (and writes to stderr)', inputSchema: NO_ARGS },
  { name: 'throws', description: 'Fails with an MCP error (invalid-params)', inputSchema: NO_ARGS },
  {
    name: 'long',
    description: 'Reports progress and logs once per step',
    inputSchema: object({ steps: { type: 'integer', minimum: 0, maximum: 1000, default: 5 } }),
  },
  { name: 'notify', description: 'Changes mem://watched; sends resources-updated and tools-list-changed', inputSchema: NO_ARGS },
  {
    name: 'ask-llm',
    description: "Asks the client's language model a question (sampling) and returns its answer",
    inputSchema: object({ question: { type: 'string' } }, ['question']),
  },
  {
    name: 'ask-user',
    description: 'Asks the user for their name (elicitation) and greets them',
    inputSchema: NO_ARGS,
  },
  {
    name: 'interview',
    description: "Asks the user for their name (elicitation), then the client's model for a greeting (sampling): two questions, one call",
    inputSchema: NO_ARGS,
  },
  {
    name: 'sign-in',
    description: 'Asks the user to open a page (URL-mode elicitation) and says what they chose',
    inputSchema: NO_ARGS,
  },
  { name: 'roots', description: "Asks the client for its roots and lists them", inputSchema: NO_ARGS },
  {
    name: 'utf8',
    description: 'Echoes its text plus "héllo 🌍" (checks UTF-8 both ways)',
    inputSchema: object({ text: { type: 'string' } }, ['text']),
  },
];

const impl = {
  add({ a, b }) {
    if (typeof a !== 'number' || typeof b !== 'number') fail('invalid-params', '`a` and `b` must be numbers');
    const sum = a + b;
    return { content: [text(`${a} + ${b} = ${sum}`)], structuredContent: jsonBytes({ sum }) };
  },
  image: () => ({ content: [{ tag: 'image', val: { contentType: 'image', data: LOGO_PNG_BASE64, mimeType: 'image/png' } }] }),
  audio: () => ({ content: [{ tag: 'audio', val: { contentType: 'audio', data: BEEP_WAV_BASE64, mimeType: 'audio/wav' } }] }),
  embedded: () => ({
    content: [{
      tag: 'embedded-resource',
      val: { contentType: 'resource', uri: 'mem://embedded/note', mimeType: 'text/plain', text: 'This text is an embedded resource.' },
    }],
  }),
  link: () => ({
    content: [{
      tag: 'resource-link',
      val: { contentType: 'resource_link', uri: 'mem://logo.png', name: 'logo', description: 'The server logo', mimeType: 'image/png' },
    }],
  }),
  fail() {
    // A tool-level failure is a normal result with isError, not an MCP error.
    writeLine(getStderr(), 'everything: the fail tool ran (this line is on stderr)');
    return { content: [text('This tool always fails: it returns isError: true on purpose.')], isError: true };
  },
  throws: () => fail('invalid-params', 'the throws tool always fails with invalid-params'),
  long({ steps = 5 }) {
    if (!Number.isInteger(steps) || steps < 0 || steps > 1000) fail('invalid-params', '`steps` must be an integer from 0 to 1000');
    // The host knows the request's progress token; none if the client sent none.
    // QuickJS passes an absent option as null and takes u64 as a plain number.
    const token = currentProgressToken();
    for (let i = 1; i <= steps; i++) {
      if (token != null) reportProgress(token, i, steps);
      log('info', `long: step ${i} of ${steps}`, undefined);
    }
    return { content: [text(`done after ${steps} steps`)] };
  },
  notify() {
    const version = bumpWatched();
    // Always sent: deciding which client sessions hear it is the host's job.
    sendNotification({ tag: 'resources-updated', val: ['mem://watched'] });
    sendNotification({ tag: 'tools-list-changed' });
    const sub = subscriptions.has('mem://watched') ? 'subscribed' : 'not subscribed';
    return { content: [text(`sent resources-updated (mem://watched is now version ${version}, ${sub}) and tools-list-changed`)] };
  },
  // Both wait for the client's answer: the host suspends the component meanwhile.
  'ask-llm'({ question }) {
    const answer = parseArgs(requestSampling(jsonBytes({
      messages: [{ role: 'user', content: { type: 'text', text: question } }],
      maxTokens: 200,
    })));
    const said = answer.content && answer.content.type === 'text' ? answer.content.text : JSON.stringify(answer.content);
    return { content: [text(`${answer.model ?? 'the model'} says: ${said}`)] };
  },
  'ask-user'() {
    const answer = parseArgs(requestElicitation(jsonBytes({
      message: 'What is your name?',
      requestedSchema: { type: 'object', properties: { name: { type: 'string', title: 'Name' } }, required: ['name'] },
    })));
    if (answer.action !== 'accept') return { content: [text(`You chose to ${answer.action}.`)] };
    return { content: [text(`Hello, ${answer.content.name}!`)] };
  },
  interview() {
    const who = parseArgs(requestElicitation(jsonBytes({
      message: 'Who is this for?',
      requestedSchema: { type: 'object', properties: { name: { type: 'string', title: 'Name' } }, required: ['name'] },
    })));
    if (who.action !== 'accept') return { content: [text(`You chose to ${who.action}.`)] };
    const greeting = parseArgs(requestSampling(jsonBytes({
      messages: [{ role: 'user', content: { type: 'text', text: `Write a greeting for ${who.content.name}` } }],
      maxTokens: 100,
    })));
    const said = greeting.content && greeting.content.type === 'text' ? greeting.content.text : JSON.stringify(greeting.content);
    return { content: [text(`For ${who.content.name}: ${said}`)] };
  },
  // URL mode: the client shows the link and the user opens it (or not); the answer carries no content.
  'sign-in'() {
    const answer = parseArgs(requestElicitation(jsonBytes({
      mode: 'url',
      message: 'Sign in to the example service to go on',
      url: 'https://example.com/sign-in?session=42',
      elicitationId: 'sign-in-42',
    })));
    return { content: [text(`You chose to ${answer.action}.`)] };
  },
  roots() {
    const { roots } = parseArgs(requestRoots());
    return { content: [text(roots.length === 0 ? 'no roots' : roots.map((r) => r.name ? `${r.name} (${r.uri})` : r.uri).join(', '))] };
  },
  utf8({ text: t }) {
    if (typeof t !== 'string') fail('invalid-params', '`text` must be a string');
    return { content: [text(`${t} héllo 🌍`)] };
  },
};

export function callTool(name, args) {
  if (!Object.hasOwn(impl, name)) fail('tool-not-found', `no tool ${name}`);
  return impl[name](args);
}
