// The conformance suite's fixtures for MCP 2026-07-28: input_required rounds (SEP-2322), written
// in the stateless form (input-required / input-responses / request-state), and the diagnostic
// tools of its server-stateless scenario. The keys and texts are the ones its scenarios check.
import {
  clientCapabilities,
  inputRequired,
  inputResponses,
  log,
  requestState,
  sendNotification,
} from 'wasi:mcp/runtime@0.1.0';
import { jsonBytes, parseArgs, text } from '../shared/mcp.js';

const NO_ARGS = jsonBytes({ type: 'object', properties: {}, required: [] });
const form = (message, properties) => ({
  method: 'elicitation/create',
  params: { message, requestedSchema: { type: 'object', properties, required: Object.keys(properties) } },
});
const sampling = (prompt, maxTokens) => ({
  method: 'sampling/createMessage',
  params: { messages: [{ role: 'user', content: { type: 'text', text: prompt } }], maxTokens },
});
const ROOTS = { method: 'roots/list', params: {} };
const USER_NAME = form('What is your name?', { name: { type: 'string' } });

/** This round's answers, by key (empty on a first request). */
const answers = () => {
  const bytes = inputResponses();
  return bytes === undefined ? {} : parseArgs(bytes);
};
/** The state this handler left in the round before, if any. */
const state = () => {
  const bytes = requestState();
  return bytes === undefined ? undefined : parseArgs(bytes);
};
/** Ends this request with a round asking `requests`; the handler's return value is not used. */
const ask = (requests, next) => {
  inputRequired(jsonBytes(requests), next === undefined ? undefined : jsonBytes(next));
  return { content: [] };
};
const accepted = (answer) => (answer && answer.action === 'accept' ? answer.content ?? {} : undefined);
const sampled = (answer) => (answer && answer.content && answer.content.type === 'text' ? answer.content.text : undefined);
const done = (t) => ({ content: [text(t)] });

export const roundTools = [
  ['test_input_required_result_elicitation', 'Asks the user their name in an input_required round, then greets them'],
  ['test_input_required_result_sampling', "Asks the client's model the capital of France in an input_required round"],
  ['test_input_required_result_list_roots', "Asks for the client's roots in an input_required round"],
  ['test_input_required_result_request_state', 'Asks for confirmation with a requestState it checks on the retry'],
  ['test_input_required_result_multiple_inputs', 'Asks elicitation, sampling and roots in one round'],
  ['test_input_required_result_multi_round', 'Asks two questions in two rounds, carrying state between them'],
  ['test_input_required_result_tampered_state', 'Asks with signed state: an altered state is refused'],
  ['test_input_required_result_capabilities', 'Asks only what the client declared it can answer'],
  ['test_missing_capability', 'Needs sampling: a client that did not declare it gets -32021'],
  ['test_streaming_elicitation', 'Asks the user in a round: no server-to-client request on the stream'],
  ['test_logging_tool', 'Logs at info level: only to a request that set a log level'],
  ['test_trigger_tool_change', 'Announces a change of the tool list'],
  ['test_trigger_prompt_change', 'Announces a change of the prompt list'],
].map(([name, description]) => ({ name, description, inputSchema: NO_ARGS }));

export const roundImpl = {
  test_input_required_result_elicitation() {
    const name = accepted(answers().user_name)?.name;
    return typeof name === 'string' ? done(`Hello, ${name}!`) : ask({ user_name: USER_NAME });
  },
  test_input_required_result_sampling() {
    const said = sampled(answers().capital_question);
    return said !== undefined ? done(`The model says: ${said}`) : ask({ capital_question: sampling('What is the capital of France?', 100) });
  },
  test_input_required_result_list_roots() {
    const roots = answers().client_roots?.roots;
    if (!Array.isArray(roots)) return ask({ client_roots: ROOTS });
    return done(`Roots: ${roots.map((r) => r.name ? `${r.name} (${r.uri})` : r.uri).join(', ') || 'none'}`);
  },
  test_input_required_result_request_state() {
    const ok = accepted(answers().confirm);
    if (ok !== undefined && state()?.step === 'confirm') return done(`Confirmed (ok=${ok.ok}); state-ok`);
    return ask({ confirm: form('Please confirm', { ok: { type: 'boolean' } }) }, { step: 'confirm' });
  },
  test_input_required_result_multiple_inputs() {
    const a = answers();
    const name = accepted(a.user_name)?.name;
    const greeting = sampled(a.greeting);
    const roots = a.client_roots?.roots;
    if (state()?.step === 'all' && typeof name === 'string' && greeting !== undefined && Array.isArray(roots)) {
      return done(`${greeting}, ${name}! (${roots.length} roots)`);
    }
    return ask(
      { user_name: USER_NAME, greeting: sampling('Generate a greeting', 50), client_roots: ROOTS },
      { step: 'all' },
    );
  },
  test_input_required_result_multi_round() {
    const s = state();
    const a = answers();
    if (s?.round === 2) {
      const color = accepted(a.step2)?.color;
      if (typeof color === 'string') return done(`${s.name} likes ${color}`);
      return ask({ step2: form('Step 2: What is your favorite color?', { color: { type: 'string' } }) }, s);
    }
    const name = s?.round === 1 ? accepted(a.step1)?.name : undefined;
    if (typeof name === 'string') {
      return ask({ step2: form('Step 2: What is your favorite color?', { color: { type: 'string' } }) }, { round: 2, name });
    }
    return ask({ step1: form('Step 1: What is your name?', { name: { type: 'string' } }) }, { round: 1 });
  },
  test_input_required_result_tampered_state() {
    if (state()?.step === 'signed' && accepted(answers().confirm) !== undefined) return done('state-ok');
    return ask({ confirm: form('Please confirm', { ok: { type: 'boolean' } }) }, { step: 'signed' });
  },
  test_input_required_result_capabilities() {
    const caps = parseArgs(clientCapabilities());
    const a = answers();
    if (Object.keys(a).length > 0) return done(`Answered: ${Object.keys(a).sort().join(', ')}`);
    const requests = {};
    if (caps.elicitation) requests.user_name = USER_NAME;
    if (caps.sampling) requests.greeting = sampling('Generate a greeting', 50);
    if (caps.roots) requests.client_roots = ROOTS;
    return Object.keys(requests).length > 0 ? ask(requests) : done('The client declared nothing it could be asked');
  },
  test_missing_capability() {
    const said = sampled(answers().summary);
    // The host refuses a round asking what the client did not declare, with -32021.
    return said !== undefined ? done(`Summary: ${said}`) : ask({ summary: sampling('Summarize this conversation', 100) });
  },
  test_streaming_elicitation() {
    const name = accepted(answers().user_name)?.name;
    return typeof name === 'string' ? done(`Hello, ${name}!`) : ask({ user_name: USER_NAME });
  },
  test_logging_tool() {
    log('info', 'test_logging_tool: a log message', undefined);
    return done('Logged one info message');
  },
  test_trigger_tool_change() {
    sendNotification({ tag: 'tools-list-changed' });
    return done('Announced a tool list change');
  },
  test_trigger_prompt_change() {
    sendNotification({ tag: 'prompts-list-changed' });
    return done('Announced a prompt list change');
  },
};

export const roundPrompt = { name: 'test_input_required_result_prompt', description: 'Asks the user for context in a round, then builds the prompt' };

export function getRoundPrompt() {
  const context = accepted(answers().user_context)?.context;
  if (typeof context === 'string') return { messages: [{ role: 'user', content: text(`Use this context: ${context}`) }] };
  ask({ user_context: form('What context should the prompt use?', { context: { type: 'string' } }) });
  return { messages: [] };
}
