/**
 * One loaded component as the page sees it (issue #3): an SDK Client over a
 * recording decorator over a supervised worker transport, and the stores the
 * panels read. Every session has its own worker, client and state.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import {
  CallToolResultSchema,
  type CallToolResult,
  type GetPromptResult,
  type JSONRPCMessage,
  type LoggingLevel,
  type ReadResourceResult,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker';
import type { WireError } from '../host/errors.js';
import type { LoadStage, World } from '../host/load.js';
import { RecordingTransport, type Recorded } from '../transport/recording.js';
import { SupervisedTransport, type SupervisorEvent, type WorkerLink } from '../transport/supervised.js';
import { CatalogLoader } from './catalog-loader.js';
import { CatalogStore } from './catalog.js';
import { toLogEntry, toOutputLines, type HistoryEntry, type LogEntry, type NotificationEntry, type OutputEntry } from './entries.js';
import { errorInfo, OutcomeStore } from './outcome.js';
import { StatusStore } from './status.js';
import { ListStore, ValueStore } from './store.js';
import { checkStructuredContent, type Verdict } from './verdict.js';

/** What the worker reports while it loads the component. */
export interface WorkerEvents {
  onStage?(event: { stage: LoadStage; ms: number }): void;
  onOutput?(event: { stream: 'stdout' | 'stderr'; text: string }): void;
  onReady?(event: { world: World }): void;
}

export type Spawner = (bytes: Uint8Array, events: WorkerEvents) => Promise<WorkerLink>;

export interface SessionOptions {
  id: string;
  name: string;
  /** Where the bytes came from, for people: "example", a file name, a URL. */
  origin: string;
  read(): Promise<Uint8Array>;
  spawn: Spawner;
  /** Deadline of one request; a component past it is stopped and restarted. */
  deadlineMs: number;
}

export interface ToolCall {
  result: CallToolResult;
  verdict: Verdict | undefined;
}

export type ResourceUpdates = Readonly<Record<string, number>>;

const now = () => performance.timeOrigin + performance.now();

function asWireError(e: unknown, fallback: string): WireError {
  const info = errorInfo(e);
  return { code: typeof info.code === 'string' ? info.code : fallback, message: info.message };
}

export class ServerSession {
  readonly id: string;
  readonly name: string;
  readonly origin: string;
  readonly deadlineMs: number;
  bytes: Uint8Array | undefined;

  readonly status = new StatusStore(now());
  readonly catalog = new CatalogStore();
  readonly history = new ListStore<HistoryEntry>(20_000);
  readonly logs = new ListStore<LogEntry>(5_000);
  readonly notifications = new ListStore<NotificationEntry>(5_000);
  readonly output = new ListStore<OutputEntry>(5_000);
  readonly toolCall = new OutcomeStore<ToolCall>();
  readonly resourceRead = new OutcomeStore<ReadResourceResult>();
  readonly promptGet = new OutcomeStore<GetPromptResult>();
  readonly consoleSend = new OutcomeStore<JSONRPCMessage | undefined>();
  readonly subscriptions = new ValueStore<ReadonlySet<string>>(new Set());
  readonly resourceUpdates = new ValueStore<ResourceUpdates>({});
  readonly logLevel = new ValueStore<LoggingLevel | undefined>(undefined);

  readonly client: Client;
  readonly #options: SessionOptions;
  readonly #loader: CatalogLoader;
  #recording: RecordingTransport | undefined;
  #seq = 0;

  constructor(options: SessionOptions) {
    this.id = options.id;
    this.name = options.name;
    this.origin = options.origin;
    this.deadlineMs = options.deadlineMs;
    this.#options = options;
    this.client = new Client(
      { name: 'wasi-mcp-playground', version: '0.1.0' },
      { capabilities: {}, jsonSchemaValidator: new CfWorkerJsonSchemaValidator() },
    );
    this.client.onerror = (error) => this.logs.push({ seq: ++this.#seq, time: now(), level: 'error', logger: 'client', data: error.message });
    this.#loader = new CatalogLoader(this.client, this.catalog, () => this.#requestOptions());
  }

  /** Reads the bytes, starts the worker and initializes MCP. Never rejects: failures land in `status`. */
  async start(): Promise<void> {
    let t = now();
    try {
      this.bytes = await this.#options.read();
    } catch (e) {
      this.status.failed(asWireError(e, 'READ_FAILED'));
      return;
    }
    this.status.stageDone('read', now() - t, now());
    let world: World = { imports: [], exports: [] };
    let loaded = false;
    const bytes = this.bytes;
    const supervised = new SupervisedTransport({
      spawn: () =>
        this.#options.spawn(bytes, {
          onStage: ({ stage, ms }) => {
            if (loaded) return;
            this.status.stageDone(stage, ms, now());
            t = now();
          },
          onOutput: ({ stream, text }) => {
            for (const line of toOutputLines(text)) this.output.push({ seq: ++this.#seq, time: now(), stream, text: line });
          },
          onReady: (ready) => {
            world = ready.world;
            loaded = true;
          },
        }),
      timeoutMs: this.deadlineMs,
      maxRestarts: 3,
      onEvent: (event) => this.#onSupervisor(event),
    });
    const recording = new RecordingTransport(supervised, { onRecord: (r) => this.#record(r), now });
    this.#recording = recording;
    try {
      await this.client.connect(recording, this.#requestOptions());
    } catch (e) {
      this.status.failed(asWireError(e, 'INITIALIZE_FAILED'));
      await recording.close().catch(() => {});
      return;
    }
    this.status.stageDone('initialize', now() - t, now());
    this.status.ready({
      implementation: this.client.getServerVersion(),
      instructions: this.client.getInstructions(),
      protocolVersion: recording.protocolVersion,
      capabilities: this.client.getServerCapabilities() ?? {},
      world,
    });
    await this.#loader.loadAll(this.client.getServerCapabilities() ?? {});
  }

  refresh(kind: Parameters<CatalogLoader['load']>[0]): Promise<void> {
    return this.#loader.load(kind);
  }

  callTool(tool: Tool, args: Record<string, unknown>): Promise<void> {
    return this.toolCall.run(`tools/call ${tool.name}`, async (onProgress) => {
      const result = await this.client.request(
        { method: 'tools/call', params: { name: tool.name, arguments: args } },
        CallToolResultSchema,
        {
          ...this.#requestOptions(),
          onprogress: (p) => onProgress(p.message === undefined ? p : { ...p, message: p.message }),
        },
      );
      return { result, verdict: checkStructuredContent(tool, result) };
    });
  }

  readResource(uri: string): Promise<void> {
    return this.resourceRead.run(`resources/read ${uri}`, () => this.client.readResource({ uri }, this.#requestOptions()));
  }

  getPrompt(name: string, args: Record<string, string>): Promise<void> {
    return this.promptGet.run(`prompts/get ${name}`, () => this.client.getPrompt({ name, arguments: args }, this.#requestOptions()));
  }

  /** Completion values for an argument; none when the server offers none or fails. */
  async complete(
    ref: { type: 'ref/prompt'; name: string } | { type: 'ref/resource'; uri: string },
    name: string,
    value: string,
    context: Record<string, string> = {},
  ): Promise<string[]> {
    if (!this.client.getServerCapabilities()?.completions) return [];
    try {
      const { completion } = await this.client.complete({ ref, argument: { name, value }, context: { arguments: context } });
      return completion.values;
    } catch {
      return [];
    }
  }

  async setSubscribed(uri: string, subscribed: boolean): Promise<void> {
    if (subscribed) await this.client.subscribeResource({ uri }, this.#requestOptions());
    else await this.client.unsubscribeResource({ uri }, this.#requestOptions());
    const next = new Set(this.subscriptions.value);
    if (subscribed) next.add(uri);
    else next.delete(uri);
    this.subscriptions.set(next);
  }

  async setLogLevel(level: LoggingLevel): Promise<void> {
    await this.client.setLoggingLevel(level, this.#requestOptions());
    this.logLevel.set(level);
  }

  /** Sends a hand-written message past the Client; the answer lands in `consoleSend`. */
  sendRaw(message: JSONRPCMessage): Promise<void> {
    const label = 'method' in message ? message.method : 'message';
    return this.consoleSend.run(label, async () => {
      if (!this.#recording) throw new Error('the server is not connected');
      return this.#recording.sendRaw(message);
    });
  }

  isInFlight(id: string | number): boolean {
    return this.#recording?.isInFlight(id) ?? false;
  }

  async close(): Promise<void> {
    this.status.closed();
    await this.client.close().catch(() => {});
    this.history.flush();
  }

  /** The supervisor answers first at the deadline; the Client's own timeout is a last resort. */
  #requestOptions(): RequestOptions {
    return { timeout: this.deadlineMs + 120_000 };
  }

  #onSupervisor(event: SupervisorEvent): void {
    if (event.type === 'restarting') this.status.restarting(event.reason);
    else if (event.type === 'restarted') this.status.restarted(event.restarts);
    else this.status.failed(event.reason);
    this.notifications.push({ seq: ++this.#seq, time: now(), method: `supervisor/${event.type}`, params: event });
  }

  #record(record: Recorded): void {
    const seq = ++this.#seq;
    this.history.push({ ...record, seq });
    if (record.direction !== 'in' || record.kind !== 'notification' || record.method === undefined) return;
    if (record.method === 'notifications/message') {
      const entry = toLogEntry(seq, record.time, record.message);
      if (entry) this.logs.push(entry);
      return;
    }
    const params = 'params' in record.message ? record.message.params : undefined;
    this.notifications.push({ seq, time: record.time, method: record.method, params });
    if (record.method === 'notifications/resources/updated') {
      const uri = (params as { uri?: unknown } | undefined)?.uri;
      if (typeof uri === 'string') this.resourceUpdates.update((u) => ({ ...u, [uri]: (u[uri] ?? 0) + 1 }));
    }
    void this.#loader.onListChanged(record.method);
  }
}
