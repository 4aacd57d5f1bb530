// The tasks extension (io.modelcontextprotocol/tasks) on the 2026-07-28 wire, with the conformance
// component's task fixtures: a call that waits becomes a task the client polls, answers and cancels.
import { CallToolResultV2Schema } from '@modelcontextprotocol/ext-tasks/core/v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectRaw, type RawModern } from '../helpers/raw-modern.js';
import { exampleBytes } from '../helpers/examples.js';

const TASKS = 'io.modelcontextprotocol/tasks';
const WITH_TASKS = { elicitation: {}, extensions: { [TASKS]: {} } };

type Task = Record<string, unknown> & { taskId: string; status: string };

let c: RawModern;
beforeEach(async () => {
  c = await connectRaw(exampleBytes('conformance'), WITH_TASKS);
});
afterEach(async () => {
  await c.close();
});

const call = (name: string, args: Record<string, unknown> = {}) => c.request('tools/call', { name, arguments: args });
const get = async (taskId: string) => (await c.request('tasks/get', { taskId })) as Task;

/** Polls tasks/get until the task's status is one of `statuses`. */
async function until(taskId: string, ...statuses: string[]): Promise<Task> {
  for (;;) {
    const task = await get(taskId);
    if (statuses.includes(task.status)) return task;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function created(name: string, args: Record<string, unknown> = {}): Promise<string> {
  const result = await call(name, args);
  expect(result).toMatchObject({ resultType: 'task', status: expect.any(String), ttlMs: expect.any(Number) });
  return result.taskId as string;
}

describe('tasks', () => {
  it('are offered in server/discover', async () => {
    const discovered = await c.request('server/discover', {});
    expect(discovered).toMatchObject({ capabilities: { extensions: { [TASKS]: {} } } });
  });

  it('run a call that waits to completion, polled with tasks/get', async () => {
    const taskId = await created('slow_compute', { seconds: 0.2, label: 'x' });
    expect(await get(taskId)).toMatchObject({ taskId, resultType: 'complete' });
    const done = await until(taskId, 'completed', 'failed', 'cancelled');
    expect(done).toMatchObject({ status: 'completed', result: { content: [{ type: 'text', text: 'Computed x in 0.2 s' }] } });
    // A requester's default check of a task's result: the 2026-07-28 tool result, which names its type.
    expect(CallToolResultV2Schema.safeParse(done.result).success).toBe(true);
    expect(done).not.toHaveProperty('error');
  });

  it('show the progress a task reports as its status message', async () => {
    const taskId = await created('slow_compute', { seconds: 3 });
    for (;;) {
      const task = await get(taskId);
      expect(task.status).toBe('working');
      if (task.statusMessage !== undefined) {
        expect(task.statusMessage).toMatch(/^progress [12] of 3$/);
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await c.request('tasks/cancel', { taskId });
  });

  it('answer a call that finishes at once directly, unless the tool runs only as a task', async () => {
    expect(await call('slow_compute', { seconds: 0 })).toMatchObject({ content: [{ text: 'Computed a result in 0 s' }] });
    expect(await call('greet', { name: 'Ada' })).not.toHaveProperty('taskId');
  });

  it('stop when cancelled, and the component is free for the next call', async () => {
    const taskId = await created('slow_compute', { seconds: 60 });
    expect(await c.request('tasks/cancel', { taskId })).toEqual(expect.objectContaining({ resultType: 'complete' }));
    expect(await get(taskId)).toMatchObject({ status: 'cancelled' });
    // The cancelled call stopped at its next step, so this call does not wait a minute behind it.
    expect(await call('greet', { name: 'next' })).toMatchObject({ content: [{ text: 'Hello, next!' }] });
    expect(await c.request('tasks/cancel', { taskId })).toMatchObject({ resultType: 'complete' });
  });

  it("put the component's question in input_required, and go on with the answer from tasks/update", async () => {
    const taskId = await created('confirm_delete', { filename: 'a.txt' });
    const waiting = await until(taskId, 'input_required');
    const [key, request] = Object.entries(waiting.inputRequests as Record<string, { method: string }>)[0]!;
    expect(request.method).toBe('elicitation/create');
    expect(await c.request('tasks/update', { taskId, inputResponses: { [key]: { action: 'accept', content: { confirm: true } } } })).toMatchObject({
      resultType: 'complete',
    });
    expect(await until(taskId, 'completed')).toMatchObject({ result: { content: [{ text: 'Deleted a.txt' }] } });
  });

  it('keep a stateless round open until every question is answered', async () => {
    const taskId = await created('multi_input');
    const waiting = await until(taskId, 'input_required');
    expect(Object.keys(waiting.inputRequests as object).sort()).toEqual(['confirm', 'name']);
    await c.request('tasks/update', { taskId, inputResponses: { name: { action: 'accept', content: { name: 'Lin' } } } });
    const partly = await get(taskId);
    expect(partly.status).toBe('input_required');
    expect(Object.keys(partly.inputRequests as object)).toEqual(['confirm']);
    await c.request('tasks/update', { taskId, inputResponses: { confirm: { action: 'accept', content: { confirm: true } } } });
    expect(await until(taskId, 'completed')).toMatchObject({ result: { content: [{ text: 'Lin: confirmed=true' }] } });
  });

  it('report a tool error as completed and a protocol error as failed', async () => {
    const failing = await created('failing_job');
    expect(await until(failing, 'completed', 'failed')).toMatchObject({ status: 'completed', result: { isError: true } });
    const broken = await created('protocol_error_job');
    const failed = await until(broken, 'completed', 'failed');
    expect(failed).toMatchObject({ status: 'failed', error: { code: -32603, message: 'the job broke inside the server' } });
    expect(failed).not.toHaveProperty('result');
  });

  it('end as failed when the component restarts', async () => {
    const taskId = await created('multi_input');
    await until(taskId, 'input_required');
    await expect(call('crash')).rejects.toMatchObject({ code: -32603 });
    expect(await get(taskId)).toMatchObject({ status: 'failed', error: { data: { code: 'RESTARTED' } } });
    expect(c.host.restarts).toBe(1);
  });

  it('refuse a client without the extension: -32021 for task methods and required tools', async () => {
    const plain = { elicitation: {} };
    await expect(c.request('tasks/get', { taskId: 'x' }, plain)).rejects.toMatchObject({ code: -32021 });
    await expect(c.request('tools/call', { name: 'failing_job', arguments: {} }, plain)).rejects.toMatchObject({
      code: -32021,
      data: { requiredCapabilities: { extensions: { [TASKS]: {} } } },
    });
    // An optional task tool runs in its request instead.
    expect(await c.request('tools/call', { name: 'slow_compute', arguments: { seconds: 0.05 } }, plain)).toMatchObject({
      content: [{ text: 'Computed a result in 0.05 s' }],
    });
  });

  it('answer -32602 for a task they do not know', async () => {
    await expect(get('no-such-task')).rejects.toMatchObject({ code: -32602 });
  });
});
