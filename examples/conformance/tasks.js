// The conformance suite's fixtures for the MCP tasks extension (io.modelcontextprotocol/tasks):
// the tool names, arguments and results its tasks-* scenarios check. A call that waits on
// anything (here a timer, or a question to the client) continues as a task; one that finishes
// at once answers its request, unless the tool runs only as a task (docs/tasks.md).
import { callCancelled, currentProgressToken, inputRequired, inputResponses, reportProgress, requestElicitation, requestState } from 'wasi:mcp/runtime@0.1.0';
import { now, subscribeDuration } from 'wasi:clocks/monotonic-clock@0.2.3';
import { fail, jsonBytes, parseArgs, text } from '../shared/mcp.js';

const schema = (properties = {}, required = []) => jsonBytes({ type: 'object', properties, required });
const form = (message, properties) => ({
  method: 'elicitation/create',
  params: { message, requestedSchema: { type: 'object', properties, required: Object.keys(properties) } },
});
const done = (t) => ({ content: [text(t)] });
const accepted = (answer) => (answer && answer.action === 'accept' ? answer.content ?? {} : undefined);
const answers = () => {
  const bytes = inputResponses();
  return bytes === undefined ? {} : parseArgs(bytes);
};

/**
 * Waits `ms` on wasi:clocks, in steps of at most 100 ms (the host suspends the component meanwhile,
 * so it answers other requests); stops with an error as soon as the call or its task is cancelled.
 * QuickJS gives and takes the clocks' u64 nanoseconds as numbers.
 */
function sleep(ms) {
  const end = now() + ms * 1e6;
  for (let left = end - now(); left > 0; left = end - now()) {
    if (callCancelled()) fail('internal-error', 'cancelled');
    subscribeDuration(Math.min(left, 100e6)).block();
  }
  if (callCancelled()) fail('internal-error', 'cancelled');
}

export const taskTools = [
  { name: 'greet', description: 'Greets by name, at once (never a task)', inputSchema: schema({ name: { type: 'string' } }, ['name']) },
  {
    name: 'slow_compute',
    description: 'Works for `seconds` seconds, then answers (a task when it waits); stops when cancelled',
    inputSchema: schema({ seconds: { type: 'number', minimum: 0 }, label: { type: 'string' } }, ['seconds']),
  },
  { name: 'failing_job', description: 'Runs only as a task; after about a second it reports a tool error', inputSchema: schema() },
  { name: 'protocol_error_job', description: 'Runs only as a task; fails with an internal error', inputSchema: schema() },
  {
    name: 'confirm_delete',
    description: 'Asks the user to confirm deleting a file (a task waiting for the answer)',
    inputSchema: schema({ filename: { type: 'string' } }, ['filename']),
  },
  { name: 'multi_input', description: 'Works a moment, then asks two questions at once', inputSchema: schema() },
  {
    name: 'test_tool_with_task',
    description: 'Runs only as a task: asks the user their name in an input_required round first, then greets them in the task',
    inputSchema: schema(),
  },
];

/** declare-task-support for each of them; greet is never a task. */
export const taskSupport = [
  ['slow_compute', 'optional'],
  ['failing_job', 'required'],
  ['protocol_error_job', 'required'],
  ['confirm_delete', 'optional'],
  ['multi_input', 'optional'],
  ['test_tool_with_task', 'required'],
];

export const taskImpl = {
  greet: ({ name }) => done(`Hello, ${name}!`),
  slow_compute({ seconds, label }) {
    // Reports each second done as progress (in a task, the host shows it as the status message).
    const steps = Math.ceil(seconds);
    for (let step = 1; step <= steps; step++) {
      sleep((Math.min(step, seconds) - (step - 1)) * 1000);
      const token = currentProgressToken();
      if (token != null && step < steps) reportProgress(token, step, steps);
    }
    return done(`Computed ${label ?? 'a result'} in ${seconds} s`);
  },
  failing_job() {
    sleep(1000);
    return { content: [text('The job failed: nothing to process')], isError: true };
  },
  protocol_error_job() {
    sleep(100);
    fail('internal-error', 'the job broke inside the server');
  },
  confirm_delete({ filename }) {
    const answer = parseArgs(requestElicitation(jsonBytes(form(`Delete ${filename}?`, { confirm: { type: 'boolean' } }).params)));
    return done(accepted(answer)?.confirm === true ? `Deleted ${filename}` : `Kept ${filename}`);
  },
  multi_input() {
    // It works a moment first: a call that waits continues as a task, so the questions are the task's.
    // A tenth of a second, so that a busy host still sees it waiting when it decides.
    sleep(100);
    const a = answers();
    const name = accepted(a.name)?.name;
    const confirmed = accepted(a.confirm)?.confirm;
    if (requestState() !== undefined && name !== undefined && confirmed !== undefined) return done(`${name}: confirmed=${confirmed}`);
    inputRequired(
      jsonBytes({ name: form('What is your name?', { name: { type: 'string' } }), confirm: form('Go ahead?', { confirm: { type: 'boolean' } }) }),
      jsonBytes({ step: 'both' }),
    );
    return { content: [] };
  },
  test_tool_with_task() {
    const name = accepted(answers().user_name)?.name;
    if (typeof name === 'string') return done(`Hello, ${name}! (finished as a task)`);
    inputRequired(jsonBytes({ user_name: form('What is your name?', { name: { type: 'string' } }) }), undefined);
    return { content: [] };
  },
};
