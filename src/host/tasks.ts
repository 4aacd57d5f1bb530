/**
 * Tool calls that run as tasks (the MCP tasks extension,
 * `io.modelcontextprotocol/tasks`, on the 2026-07-28 wire): a call that
 * leaves its request (rounds.ts, Escalation) is adopted here, the request
 * answers with the task, and the client follows it with `tasks/get`,
 * answers its questions with `tasks/update` and stops it with
 * `tasks/cancel`. One instance per component, shared by every Server the
 * factory makes, so any request may reach any task.
 *
 * The component runs one handler at a time, so a task's call holds it like
 * any call. A question inside a task (a suspending request-elicitation, or
 * the stateless input-required) puts the task in `input_required`; the
 * answers come with tasks/update. A cancelled task tells its call through
 * call-cancelled and fails the question it waits on. A task that is not
 * done after TASK_TIME_LIMIT_MS fails; the record stays for TASK_TTL_MS
 * after its creation.
 */
import {
  CreateTaskResultV2Schema,
  DetailedTaskV2Schema,
  InputResponseV2Schema,
  type CreateTaskResultV2,
  type DetailedTaskV2,
  type ErrorV2,
  type InputRequestsV2,
  type TaskStatusV2,
} from '@modelcontextprotocol/ext-tasks/core/v2';
import { inputResponse, ProtocolError, ProtocolErrorCode, type ClientCapabilities } from '@modelcontextprotocol/server';
import { toMcpError } from './errors-mcp.js';
import { answerOf, CAPABILITY, embedded, HeldCall, type Question } from './rounds.js';
import { REQUEST_TIMEOUT } from './rpc-codes.js';
import { McpErrorResource, type CallContext } from './runtime.js';

/** How long a task may run, questions included, before it fails. */
export const TASK_TIME_LIMIT_MS = 10 * 60_000;
/** How long a task can be read after its creation (`ttlMs`). */
export const TASK_TTL_MS = 60 * 60_000;
/** How often a client should poll tasks/get (`pollIntervalMs`). */
export const TASK_POLL_INTERVAL_MS = 500;

type Start<R> = (context: CallContext) => Promise<R>;

/** The stateless form: the questions the handler named, the answers so far, and the state it left. */
interface ComponentRound {
  pending: Record<string, unknown>;
  answers: Record<string, unknown>;
  state: Uint8Array | undefined;
}

interface Task {
  id: string;
  createdAt: number;
  lastUpdatedAt: number;
  status: TaskStatusV2;
  /** The last progress its call reported, as tasks/get shows it. */
  statusMessage?: string;
  result?: Record<string, unknown>;
  error?: ErrorV2;
  /** The call under way (working, or waiting on its question). */
  call?: HeldCall<unknown>;
  question?: Question;
  round?: ComponentRound;
  start: Start<unknown>;
  clientCapabilities: ClientCapabilities | undefined;
  limit: ReturnType<typeof setTimeout>;
}

const TERMINAL = new Set<TaskStatusV2>(['completed', 'failed', 'cancelled']);

export class Tasks {
  readonly #tasks = new Map<string, Task>();
  readonly #onHeld: ((calls: number) => void) | undefined;

  /** `onHeld` hears how many task calls wait for the client's answer, whenever that changes. */
  constructor(onHeld?: (calls: number) => void) {
    this.#onHeld = onHeld;
  }

  /** Takes over a call that left its request; the request answers with what this returns. */
  adopt<R>(call: HeldCall<R>, start: Start<R>, clientCapabilities: ClientCapabilities | undefined): CreateTaskResultV2 {
    this.#prune();
    const now = Date.now();
    const task: Task = {
      id: crypto.randomUUID(),
      createdAt: now,
      lastUpdatedAt: now,
      status: 'working',
      start: start as Start<unknown>,
      clientCapabilities,
      limit: setTimeout(() => this.#expire(task), TASK_TIME_LIMIT_MS),
    };
    this.#tasks.set(task.id, task);
    this.#run(task, call as HeldCall<unknown>);
    return CreateTaskResultV2Schema.parse({ resultType: 'task', ...this.#envelope(task) });
  }

  /** tasks/get: the task, with its result, error or questions inlined. */
  get(taskId: string): DetailedTaskV2 {
    const task = this.#find(taskId);
    const detail: Record<string, unknown> = this.#envelope(task);
    // The tool result as the 2026-07-28 wire has it, where every result names its type.
    if (task.status === 'completed') detail.result = { resultType: 'complete', ...task.result };
    if (task.status === 'failed') detail.error = task.error;
    if (task.status === 'input_required') detail.inputRequests = this.#inputRequests(task);
    return DetailedTaskV2Schema.parse(detail);
  }

  /**
   * tasks/update: answers to the task's questions, by key. Answers to keys
   * it did not ask, or that were answered already, are ignored; the task
   * goes on once every question has its answer.
   */
  update(taskId: string, responses: Record<string, unknown>): void {
    const task = this.#find(taskId);
    if (task.status !== 'input_required') return;
    for (const [key, value] of Object.entries(responses)) {
      if (!(key in this.#inputRequests(task))) continue;
      if (!InputResponseV2Schema.safeParse(value).success) {
        throw new ProtocolError(ProtocolErrorCode.InvalidParams, `inputResponses.${key} is not the result of the request it answers`);
      }
    }
    const { question, call, round } = task;
    if (question && call) {
      const response = inputResponse(responses, question.key);
      if (response.kind === 'missing') return;
      task.question = undefined;
      this.#touch(task, 'working');
      this.#held();
      call.answer(question, (q) => q.answer(answerOf(response)));
      this.#run(task, call);
      return;
    }
    if (!round) return;
    for (const key of Object.keys(round.pending)) {
      if (!(key in responses)) continue;
      round.answers[key] = responses[key];
      delete round.pending[key];
    }
    if (Object.keys(round.pending).length > 0) {
      this.#touch(task, 'input_required');
      return;
    }
    task.round = undefined;
    this.#touch(task, 'working');
    this.#again(task, { inputResponses: round.answers, ...(round.state === undefined ? {} : { requestState: round.state }) });
  }

  /** tasks/cancel: stops the task; cancelling a finished one changes nothing. */
  cancel(taskId: string): void {
    const task = this.#find(taskId);
    if (TERMINAL.has(task.status)) return;
    this.#finish(task, 'cancelled');
    this.#withdraw(task, new McpErrorResource('internal-error', 'the task was cancelled', undefined));
  }

  /**
   * The component was restarted: a task waiting for answers had its
   * handler's context in the instance that is gone, so it fails. A task
   * whose call was running fails with that call's own error.
   */
  restarted(): void {
    for (const task of this.#tasks.values()) {
      if (task.status !== 'input_required') continue;
      this.#fail(task, {
        code: ProtocolErrorCode.InternalError,
        message: 'the component was restarted while this task waited for input',
        data: { code: 'RESTARTED' },
      });
      this.#withdraw(task, new McpErrorResource('internal-error', 'the component was restarted', undefined));
    }
  }

  /** Follows a call to its next stop: a question, a component round, its result or its failure. */
  #run(task: Task, call: HeldCall<unknown>): void {
    task.call = call;
    // The request that started it has been answered: its log goes nowhere, and the progress it
    // reports becomes the task's status message, which the client sees when it polls.
    call.context.progressToken ??= task.id;
    call.context.notify = (n) => {
      if (n.method !== 'notifications/progress' || TERMINAL.has(task.status)) return;
      const { progress, total } = n.params as { progress: number; total?: number };
      task.statusMessage = total === undefined ? `progress ${progress}` : `progress ${progress} of ${total}`;
      task.lastUpdatedAt = Date.now();
    };
    call.context.cancelled = () => task.status === 'cancelled' || task.status === 'failed';
    void call.next().then((step) => {
      if (TERMINAL.has(task.status)) return;
      if (step.kind === 'asked') {
        const capability = CAPABILITY[step.question.method];
        if (task.clientCapabilities?.[capability] === undefined) {
          call.answer(step.question, (q) =>
            q.fail(new McpErrorResource('unavailable', `the client did not declare the ${capability} capability`, undefined)),
          );
          this.#run(task, call);
          return;
        }
        task.question = step.question;
        this.#touch(task, 'input_required');
        this.#held();
        return;
      }
      task.call = undefined;
      if (step.kind === 'failed') {
        const error = toMcpError(step.error);
        this.#fail(task, { code: error.code, message: error.message, ...(error.data === undefined ? {} : { data: error.data as ErrorV2['data'] }) });
        return;
      }
      const round = call.context.inputRequired;
      if (round) {
        task.round = { pending: { ...round.requests }, answers: {}, state: round.state };
        this.#touch(task, 'input_required');
        return;
      }
      task.result = step.value as Record<string, unknown>;
      this.#finish(task, 'completed');
    });
  }

  /** The stateless form's next round: the handler runs again with the answers and its state. */
  #again(task: Task, retry: Pick<CallContext, 'inputResponses' | 'requestState'>): void {
    const previous = task.call?.context;
    const context: CallContext = {
      notify: () => {},
      ...(previous?.clientCapabilities === undefined ? {} : { clientCapabilities: previous.clientCapabilities }),
      ...retry,
    };
    const call = new HeldCall<unknown>(task.id, context);
    context.request = (method, params) => call.ask(method, params);
    call.run(task.start(context));
    this.#run(task, call);
  }

  #inputRequests(task: Task): InputRequestsV2 {
    if (task.question) return { [task.question.key]: embedded(task.question) } as InputRequestsV2;
    return (task.round?.pending ?? {}) as InputRequestsV2;
  }

  #envelope(task: Task) {
    return {
      taskId: task.id,
      status: task.status,
      createdAt: new Date(task.createdAt).toISOString(),
      lastUpdatedAt: new Date(task.lastUpdatedAt).toISOString(),
      ttlMs: TASK_TTL_MS,
      pollIntervalMs: TASK_POLL_INTERVAL_MS,
      ...(task.statusMessage === undefined ? {} : { statusMessage: task.statusMessage }),
    };
  }

  #find(taskId: string): Task {
    this.#prune();
    const task = this.#tasks.get(taskId);
    if (!task) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `no task ${taskId} (unknown, or past its ttlMs)`);
    return task;
  }

  #touch(task: Task, status: TaskStatusV2): void {
    task.status = status;
    task.lastUpdatedAt = Date.now();
  }

  #finish(task: Task, status: 'completed' | 'failed' | 'cancelled'): void {
    clearTimeout(task.limit);
    this.#touch(task, status);
    if (status !== 'completed') delete task.result;
  }

  #fail(task: Task, error: ErrorV2): void {
    task.error = error;
    this.#finish(task, 'failed');
  }

  #expire(task: Task): void {
    if (TERMINAL.has(task.status)) return;
    this.#fail(task, { code: REQUEST_TIMEOUT, message: `the task did not finish within ${TASK_TIME_LIMIT_MS / 60_000} minutes` });
    this.#withdraw(task, new McpErrorResource('timeout', 'the task ran out of time', undefined));
  }

  /** Fails the question a stopped task's call waits on, so the component goes on and finishes the call. */
  #withdraw(task: Task, error: McpErrorResource): void {
    const { question, call } = task;
    task.question = undefined;
    task.round = undefined;
    if (question && call) {
      call.answer(question, (q) => q.fail(error));
      this.#held();
    }
  }

  #held(): void {
    let waiting = 0;
    for (const task of this.#tasks.values()) if (task.question) waiting += 1;
    this.#onHeld?.(waiting);
  }

  #prune(): void {
    const now = Date.now();
    for (const [id, task] of this.#tasks) if (now - task.createdAt > TASK_TTL_MS) this.#tasks.delete(id);
  }
}
