/**
 * Tool calls the person runs as tasks (the `io.modelcontextprotocol/tasks` extension, 2026-07-28):
 * each keeps an entry here, from the call until its outcome, that the Tasks view lists.
 *
 * The calls go through the extension's requester client (`createTaskSessionFromClient`), which
 * polls tasks/get, sends answers with tasks/update and cancels with tasks/cancel. The SDK Client's
 * 2026-07-28 codec refuses a tools/call answered `resultType: "task"`, so the extension sends its
 * tools/call and tasks/* requests past the Client (`rawDispatch`): here through the recording
 * transport, which puts them in History like every other message. Those requests alone declare the
 * extension: the Client's own requests do not, so a server offers tasks only where the person asked.
 */
import { isCallToolResult } from '@modelcontextprotocol/client';
import type { CallToolResult, Client, ClientCapabilities, CreateMessageRequestParams, ElicitRequestParams } from '@modelcontextprotocol/client';
import type { JSONRPCMessage, JSONRPCRequest } from '@modelcontextprotocol/client';
import {
  createTaskSessionFromClient,
  type ApplicationInputRequest,
  type ApplicationInputResult,
  type ResolvedInputExchangeContext,
  type TaskEnabledSession,
  type TaskExecutionEvent,
  type TaskState,
  type ToolExecution,
} from '@modelcontextprotocol/ext-tasks/client';
import { ProtocolDecodeError, type JsonValue, type RuntimeCodec } from '@modelcontextprotocol/ext-tasks/core';
import { askElicitation, askSampling } from './client-request-handlers.js';
import type { ClientRequestsStore } from './client-requests.js';
import { errorInfo, type ErrorInfo } from './outcome.js';
import type { RootsStore } from './roots.js';
import { Store } from './store.js';

export const TASKS_EXTENSION = 'io.modelcontextprotocol/tasks';

/** `starting` until the server answers the tools/call; then the task's own status. */
export type TaskEntryStatus = 'starting' | TaskState;

export interface TaskEntry {
  /** Unique in this store, in the order the person started them. */
  key: number;
  tool: string;
  /** Epoch milliseconds. */
  startedAt: number;
  /** The server's id; absent before it answers, or when it answered at once instead of with a task. */
  taskId?: string;
  status: TaskEntryStatus;
  statusMessage?: string;
  /** ISO times, as the server sends them. */
  createdAt?: string;
  lastUpdatedAt?: string;
  result?: CallToolResult;
  error?: ErrorInfo;
}

type Result = CallToolResult;
type Execution = ToolExecution<Result>;

/**
 * The tool result of a call answered at once or of a completed task. The extension's default codec
 * wants `resultType: "complete"` inside a completed task's `result`, which the host leaves out (the
 * task's status says it); the page takes either, checked with the SDK's CallToolResult guard.
 */
const toolResult: RuntimeCodec<Result> = {
  parse(value) {
    if (!isCallToolResult(value)) return { success: false, error: new ProtocolDecodeError('the answer is not a tool result') };
    const result: Result & { resultType?: unknown } = { ...(value as Result) };
    delete result.resultType;
    return { success: true, value: result };
  },
};

export interface TasksDeps {
  client: Client;
  /** Stable across reconnections: the extension scopes task references by it. */
  endpointId: string;
  clientInfo: { name: string; version: string };
  capabilities: ClientCapabilities;
  /** Sends a request past the Client on the current connection and resolves with its answer. */
  sendRaw(request: JSONRPCRequest): Promise<JSONRPCMessage>;
  clientRequests: ClientRequestsStore;
  roots: RootsStore;
  now(): number;
}

export class TasksStore extends Store<readonly TaskEntry[]> {
  readonly #deps: TasksDeps;
  readonly #running = new Map<number, Execution>();
  #session: { tasks: TaskEnabledSession; transport: object } | undefined;
  #next = 1;
  #requestId = 0;

  constructor(deps: TasksDeps) {
    super([]);
    this.#deps = deps;
  }

  /** Calls `tool` declaring the tasks extension and follows the task, if the server makes one, to its end. Never rejects. */
  async run(tool: string, args: Record<string, unknown>): Promise<void> {
    const key = this.#next++;
    this.set([...this.value, { key, tool, startedAt: this.#deps.now(), status: 'starting' }]);
    try {
      const tasks = await this.#tasks();
      const execution = await tasks.callTool<Result>(tool, args as Record<string, JsonValue>, { task: { preference: 'prefer' }, resultCodec: toolResult });
      this.#running.set(key, execution);
      if (execution.kind === 'task') this.#patch(key, { taskId: execution.handle.taskId });
      for await (const event of execution.updates()) this.#patch(key, fromEvent(event));
    } catch (e) {
      this.#patch(key, { status: 'failed', error: errorInfo(e) });
    } finally {
      this.#running.delete(key);
    }
  }

  /** Sends tasks/cancel for a running task; its status comes with the next poll. */
  async cancel(key: number): Promise<void> {
    try {
      await this.#running.get(key)?.cancel();
    } catch (e) {
      this.#patch(key, { error: errorInfo(e) });
    }
  }

  /** The extension's session for the current connection; a new connection (restart, era) gets a new one. */
  async #tasks(): Promise<TaskEnabledSession> {
    const { client } = this.#deps;
    const transport = client.transport;
    if (!transport) throw new Error('the server is not connected');
    if (this.#session?.transport === transport) return this.#session.tasks;
    await this.#session?.tasks.close().catch(() => {});
    const tasks = createTaskSessionFromClient(client, {
      endpointId: this.#deps.endpointId,
      rawDispatch: (request) => this.#dispatch(request),
      v2RequestFraming: {
        protocolVersion: client.getNegotiatedProtocolVersion() ?? '2026-07-28',
        clientInfo: this.#deps.clientInfo,
        clientCapabilities: this.#deps.capabilities as Record<string, JsonValue>,
      },
      onInputRequest: (request, context) => this.#answer(request, context),
    });
    this.#session = { tasks, transport };
    return tasks;
  }

  async #dispatch(request: JsonValue): Promise<{ kind: 'result'; result: JsonValue } | { kind: 'error'; error: { code: number; message: string; data?: JsonValue } }> {
    const message = { ...(request as object), jsonrpc: '2.0', id: `task-${++this.#requestId}` } as JSONRPCRequest;
    const answer = await this.#deps.sendRaw(message);
    if ('error' in answer) return { kind: 'error', error: answer.error as { code: number; message: string; data?: JsonValue } };
    return { kind: 'result', result: ('result' in answer ? answer.result : {}) as JsonValue };
  }

  /** A question of a task (or of an input_required round before it) goes to the person as the Client's handlers put it. */
  #answer<R extends ApplicationInputRequest>(request: R, context: ResolvedInputExchangeContext): Promise<ApplicationInputResult<R>> {
    const asked = context.taskId ?? 'task call';
    const { clientRequests, roots } = this.#deps;
    const answer = (): Promise<unknown> => {
      if (request.kind === 'roots') return Promise.resolve({ roots: roots.value.map((r) => ({ ...r })) });
      if (request.kind === 'sampling') return askSampling(clientRequests, request.params as unknown as CreateMessageRequestParams, asked, context.signal);
      return askElicitation(clientRequests, request.params as unknown as ElicitRequestParams, asked, context.signal);
    };
    return answer() as Promise<ApplicationInputResult<R>>;
  }

  #patch(key: number, change: Partial<TaskEntry>): void {
    this.set(this.value.map((t) => (t.key === key ? { ...t, ...change } : t)));
  }
}

function fromEvent(event: TaskExecutionEvent<Result>): Partial<TaskEntry> {
  if (event.type === 'task') {
    const { taskId, status, statusMessage, createdAt, lastUpdatedAt } = event.task;
    return { taskId, status, statusMessage, createdAt, lastUpdatedAt };
  }
  const { outcome } = event;
  const times = outcome.task ? { createdAt: outcome.task.createdAt, lastUpdatedAt: outcome.task.lastUpdatedAt, statusMessage: outcome.task.statusMessage } : {};
  if (outcome.status === 'completed') return { ...times, status: 'completed', result: outcome.result };
  if (outcome.status === 'failed') return { ...times, status: 'failed', error: errorInfo(outcome.error) };
  return { ...times, status: 'cancelled' };
}
