/**
 * The page's side of the tasks extension: ServerSession runs a tool as a task over 2026-07-28
 * with the conformance component, follows it to its end, answers its question and cancels it,
 * and every task message is in History.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ServerSession } from '../../src/session/server-session.js';
import type { TaskEntry } from '../../src/session/tasks.js';
import { startExampleSession } from '../helpers/example-session.js';

let session: ServerSession;
beforeEach(async () => {
  session = await startExampleSession('conformance', '2026-07-28');
});
afterEach(() => session.close());

/** Resolves with the entry once `done` holds for it. */
function until(key: number, done: (t: TaskEntry) => boolean): Promise<TaskEntry> {
  return new Promise((resolve) => {
    const check = () => {
      const entry = session.tasks.value.find((t) => t.key === key);
      if (entry && done(entry)) {
        session.tasks.removeEventListener('change', check);
        resolve(entry);
      }
    };
    session.tasks.addEventListener('change', check);
    check();
  });
}

it('runs a tool as a task to completion, polling with tasks/get', async () => {
  const run = session.tasks.run('slow_compute', { seconds: 0.3, label: 'x' });
  const working = await until(1, (t) => t.status === 'working');
  expect(working.taskId).toEqual(expect.any(String));
  await run;
  const done = session.tasks.value[0]!;
  expect(done).toMatchObject({ status: 'completed', result: { content: [{ type: 'text', text: 'Computed x in 0.3 s' }] } });
  const methods = session.history.value.items.filter((e) => e.direction === 'out').map((e) => e.method);
  expect(methods).toContain('tasks/get');
  const call = session.history.value.items.find((e) => e.direction === 'out' && e.method === 'tools/call');
  expect(JSON.stringify(call?.message)).toContain('io.modelcontextprotocol/tasks');
});

it('cancels a running task', async () => {
  const run = session.tasks.run('slow_compute', { seconds: 60 });
  await until(1, (t) => t.status === 'working');
  await session.tasks.cancel(1);
  await run;
  expect(session.tasks.value[0]).toMatchObject({ status: 'cancelled' });
});

it("puts a task's question to the person and sends the answer with tasks/update", async () => {
  const run = session.tasks.run('confirm_delete', { filename: 'a.txt' });
  await new Promise<void>((resolve) => {
    const check = () => session.clientRequests.value.length > 0 && resolve();
    session.clientRequests.addEventListener('change', check);
    check();
  });
  const [asked] = session.clientRequests.value;
  expect(asked).toMatchObject({ kind: 'elicitation', params: { message: 'Delete a.txt?' } });
  session.clientRequests.answer(asked!.key, 'elicitation', { action: 'accept', content: { confirm: true } });
  await run;
  expect(session.tasks.value[0]).toMatchObject({ status: 'completed', result: { content: [{ text: 'Deleted a.txt' }] } });
  expect(session.history.value.items.some((e) => e.method === 'tasks/update')).toBe(true);
});

it('fails a running task when the connection is replaced, and runs the next one on the new connection', async () => {
  const first = session.tasks.run('slow_compute', { seconds: 60 });
  await until(1, (t) => t.status === 'working');
  await session.restart('a test');
  await first;
  expect(session.tasks.value[0]).toMatchObject({ status: 'failed', error: { message: expect.any(String) } });
  await session.tasks.run('slow_compute', { seconds: 0.2, label: 'again' });
  expect(session.tasks.value[1]).toMatchObject({ status: 'completed', result: { content: [{ text: 'Computed again in 0.2 s' }] } });
});
