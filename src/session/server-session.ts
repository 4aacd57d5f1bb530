/**
 * One server as the page sees it: an SDK Client over a recording
 * decorator over a supervised worker transport (a component) or the SDK's
 * Streamable HTTP transport (a remote server), and the stores the panels
 * read. Every session has its own client and state, a component its own worker.
 */
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/client/validators/cf-worker';
import { Client, LOG_LEVEL_META_KEY } from '@modelcontextprotocol/client';
import type {
  FetchLike,
  GetPromptResult,
  JSONRPCMessage,
  LoggingLevel,
  McpSubscription,
  ReadResourceResult,
  RequestOptions,
  Root,
  ServerCapabilities,
  StreamableHTTPClientTransport,
  Tool,
  Transport,
} from '@modelcontextprotocol/client';
import { toWireError } from '../host/errors.js';
import { AppCalls } from './app-calls.js';
import { APPS_CLIENT_CAPABILITIES } from './app-meta.js';
import type { LoadStage, World } from '../host/load.js';
import { RecordingTransport, type Recorded } from '../transport/recording.js';
import { SupervisedTransport, type SupervisorEvent, type WorkerLink } from '../transport/supervised.js';
import { CatalogLoader } from './catalog-loader.js';
import { answerClientRequests, CLIENT_REQUEST_CAPABILITIES } from './client-request-handlers.js';
import { ClientRequestsStore } from './client-requests.js';
import { answerRoots, RootsStore } from './roots.js';
import { TasksStore } from './tasks.js';
import { CatalogStore } from './catalog.js';
import { toLogEntry, toOutputLines, type HistoryEntry, type LogEntry, type NotificationEntry, type OutputEntry } from './entries.js';
import { errorInfo, OutcomeStore } from './outcome.js';
import { DEFAULT_ERA, NEGOTIATION, type Era } from './era.js';
import { DENIAL_LABELS, defaultSandbox, Sandbox, toWorkerSandbox, type DenialEntry, type SandboxConfig, type WorkerSandbox } from './sandbox.js';
import { remoteTransport } from './remote.js';
import type { ServerSource } from './server-source.js';
import { REMOTE_STAGES, STAGES, StatusStore } from './status.js';
import { ListStore, ValueStore } from './store.js';
import { ToolCalls } from './tool-calls.js';
import { checkStructuredContent } from './verdict.js';

/** What the worker reports while it loads the component. */
export interface WorkerEvents {
  onStage?(event: { stage: LoadStage; ms: number }): void;
  onOutput?(event: { stream: 'stdout' | 'stderr'; text: string }): void;
  onReady?(event: { world: World; refused?: readonly string[] }): void;
  onDenied?(event: { capability: DenialEntry['capability']; detail: string }): void;
}

/** A worker link that may also answer how much memory the component uses. */
export interface ComponentLink extends WorkerLink {
  stats?(): Promise<{ memoryBytes?: number; heapBytes?: number } | undefined>;
}

export type Spawner = (bytes: Uint8Array, events: WorkerEvents, sandbox: WorkerSandbox) => Promise<ComponentLink>;

/** What the session talks to: a component it runs in a worker, or a server already running at a URL. */
export type SessionTarget =
  | { kind: 'component'; read(): Promise<Uint8Array>; spawn: Spawner }
  | { kind: 'remote'; url: string; fetch?: FetchLike };

export interface SessionOptions {
  id: string;
  name: string;
  /** Where the server came from, for people: "example", a file name, a URL. */
  origin: string;
  /** The same, as the saved workspace remembers it. */
  source: ServerSource;
  target: SessionTarget;
  /** Deadline of one request until the Sandbox view changes it; a component past it is stopped and restarted. */
  deadlineMs: number;
  /** The protocol revision to speak (DEFAULT_ERA when absent); changeable later. */
  era?: Era;
  /** Sandbox settings to start with (the defaults when absent). */
  sandbox?: SandboxConfig;
  /** History entries from before a reload, oldest first. */
  history?: readonly HistoryEntry[];
  /** The roots offered before a reload. */
  roots?: readonly Root[];
}

export type { ToolCall } from './tool-calls.js';

/** What the latest tool call was asked: `seq` is the `toolCall` outcome it belongs to. */
export interface ToolInput {
  seq: number;
  tool: Tool;
  arguments: Record<string, unknown>;
}

export type ResourceUpdates = Readonly<Record<string, number>>;

const now = () => performance.timeOrigin + performance.now();

const CLIENT_INFO = { name: 'wasi-mcp-playground', version: '0.1.0' };

/** What the History tab keeps of a session's messages, all together (a message may be 4 MiB). */
export const HISTORY_BYTES = 64 * 2 ** 20;

export class ServerSession {
  readonly id: string;
  readonly name: string;
  readonly origin: string;
  readonly source: ServerSource;
  readonly kind: SessionTarget['kind'];
  bytes: Uint8Array | undefined;

  readonly status: StatusStore;
  readonly catalog = new CatalogStore();
  readonly history = new ListStore<HistoryEntry>(20_000, undefined, { maxBytes: HISTORY_BYTES, sizeOf: (e) => e.size });
  readonly logs = new ListStore<LogEntry>(5_000);
  readonly notifications = new ListStore<NotificationEntry>(5_000);
  readonly output = new ListStore<OutputEntry>(5_000);
  /** Each tool's last call, and the calls running. */
  readonly toolCalls = new ToolCalls();
  /** The latest tool call of any tool. */
  get toolCall(): ToolCalls['latest'] {
    return this.toolCalls.latest;
  }
  readonly toolInput = new ValueStore<ToolInput | undefined>(undefined);
  readonly resourceRead = new OutcomeStore<ReadResourceResult>();
  readonly promptGet = new OutcomeStore<GetPromptResult>();
  readonly consoleSend = new OutcomeStore<JSONRPCMessage | undefined>();
  /** The answer to a message re-sent from the History tab (labelled `re-send #<seq>`). */
  readonly resent = new OutcomeStore<JSONRPCMessage | undefined>();
  readonly subscriptions = new ValueStore<ReadonlySet<string>>(new Set());
  /** The protocol revision asked for; the one in use is in `status` once connected. */
  readonly era: ValueStore<Era>;
  readonly resourceUpdates = new ValueStore<ResourceUpdates>({});
  readonly logLevel = new ValueStore<LoggingLevel | undefined>(undefined);
  /** Sampling and elicitation requests waiting for the person. */
  readonly clientRequests = new ClientRequestsStore(now);
  /** The roots offered to this server, as the person edits them. */
  readonly roots: RootsStore;
  /** Tool calls run as tasks (2026-07-28, tasks extension). */
  readonly tasks: TasksStore;
  /** Grants, limits, denials and memory use. */
  readonly sandbox: Sandbox;

  readonly client: Client;
  /** What MCP App views ask of the server (docs/apps.md). */
  readonly appCalls: AppCalls;
  readonly #target: SessionTarget;
  readonly #loader: CatalogLoader;
  #recording: RecordingTransport | undefined;
  /** A remote server's transport, to end its HTTP session when the page is done with it. */
  #http: StreamableHTTPClientTransport | undefined;
  /** The current worker, for memory samples; replaced on every (re)start. */
  #link: ComponentLink | undefined;
  /** Counts connections, so that a replaced supervisor's late reports are ignored. */
  #generation = 0;
  #restarting: Promise<void> = Promise.resolve();
  /** Set once the first worker is ready: later workers' load stages are not the page's to show. */
  #loaded = false;
  #stageStart = 0;
  #world: World = { imports: [], exports: [] };
  #refused: readonly string[] = [];
  #seq = 0;
  /** 2026-07-28: one subscriptions/listen stream per subscribed resource. */
  readonly #listens = new Map<string, McpSubscription>();

  constructor(options: SessionOptions) {
    this.id = options.id;
    this.name = options.name;
    this.origin = options.origin;
    this.source = options.source;
    this.kind = options.target.kind;
    this.status = new StatusStore(now(), this.kind === 'remote' ? REMOTE_STAGES : STAGES);
    this.sandbox = new Sandbox(options.sandbox ?? defaultSandbox(options.deadlineMs));
    this.era = new ValueStore<Era>(options.era ?? DEFAULT_ERA);
    this.#target = options.target;
    this.roots = new RootsStore(options.roots);
    for (const entry of options.history ?? []) this.history.push(entry);
    this.history.flush();
    this.#seq = Math.max(0, ...(options.history ?? []).map((e) => e.seq));
    this.client = new Client(
      CLIENT_INFO,
      { capabilities: { ...CLIENT_REQUEST_CAPABILITIES, ...APPS_CLIENT_CAPABILITIES }, jsonSchemaValidator: new CfWorkerJsonSchemaValidator() },
    );
    answerClientRequests(this.client, this.clientRequests);
    answerRoots(this.client, this.roots);
    this.tasks = new TasksStore({
      client: this.client,
      endpointId: options.id,
      clientInfo: CLIENT_INFO,
      capabilities: CLIENT_REQUEST_CAPABILITIES,
      sendRaw: (request) => {
        if (!this.#recording) return Promise.reject(new Error('the server is not connected'));
        return this.#recording.sendRaw(request) as Promise<JSONRPCMessage>;
      },
      clientRequests: this.clientRequests,
      roots: this.roots,
      now,
    });
    this.client.onerror = (error) => this.logs.push({ seq: ++this.#seq, time: now(), level: 'error', logger: 'client', data: error.message });
    this.#loader = new CatalogLoader(this.client, this.catalog, () => this.#requestOptions());
    this.appCalls = new AppCalls(this.client, this.catalog, { requestOptions: () => this.#requestOptions(), meta: () => this.#meta() });
  }

  /** Reads the bytes and starts the worker (a component), then initializes MCP. Never rejects: failures land in `status`. */
  async start(): Promise<void> {
    if (this.#target.kind === 'component') {
      const t = now();
      try {
        this.bytes = await this.#target.read();
      } catch (e) {
        this.status.failed(toWireError(e, 'READ_FAILED'));
        return;
      }
      this.status.stageDone('read', now() - t, now());
    }
    this.#stageStart = now();
    if (!(await this.#connect())) return;
    this.status.stageDone('initialize', now() - this.#stageStart, now());
    await this.#connected();
  }

  /**
   * Stops the component and starts it afresh with the sandbox settings in force: after
   * Apply in the Sandbox view, or by hand once the supervisor gave up. A remote server is
   * connected to again. The Client initializes again and the lists reload; history, logs and
   * results stay. Never rejects.
   */
  restart(why: string): Promise<void> {
    if ((this.kind === 'component' && !this.bytes) || this.status.value.phase === 'closed') return Promise.resolve();
    this.status.restarting({ code: 'RESTART', message: why });
    const next = this.#restarting.then(async () => {
      this.clientRequests.dropAll(`the ${this.kind === 'remote' ? 'connection' : 'component'} stopped: ${why}`);
      await this.#disconnect();
      if (!(await this.#connect())) return;
      await this.#restoreServerState();
      await this.#connected(`${this.kind === 'remote' ? 'Reconnected' : 'Restarted'}: ${why}.`);
    });
    this.#restarting = next;
    return next;
  }

  /** Speaks another protocol revision from now on: the Client connects again (history and results stay). */
  setEra(era: Era): Promise<void> {
    if (era === this.era.value) return Promise.resolve();
    this.era.set(era);
    return this.restart(`protocol ${era}`);
  }

  /** Whether the connection speaks 2026-07-28 (no initialize; the level and subscriptions travel differently). */
  get #modern(): boolean {
    return this.client.getProtocolEra() === 'modern';
  }

  applySandbox(config: SandboxConfig): Promise<void> {
    this.sandbox.config.set(config);
    return this.restart('new sandbox settings');
  }

  /** Asks the running worker for its memory use; the answer lands in `sandbox.memory`. */
  async sampleMemory(): Promise<void> {
    const stats = await this.#link?.stats?.();
    if (stats) this.sandbox.memory.set({ memoryBytes: stats.memoryBytes, heapBytes: stats.heapBytes, time: now() });
  }

  /** Opens a transport to the server and initializes MCP over it; false (and `status` failed) if that fails. */
  async #connect(): Promise<boolean> {
    const generation = ++this.#generation;
    this.#listens.clear();
    let recording: RecordingTransport | undefined;
    try {
      recording = new RecordingTransport(this.#transport(generation), { onRecord: (r) => this.#record(r), now });
      this.#recording = recording;
      this.client.setVersionNegotiation(NEGOTIATION[this.era.value]);
      await this.client.connect(recording, this.#requestOptions());
      return true;
    } catch (e) {
      this.status.failed(toWireError(e, 'INITIALIZE_FAILED'));
      await recording?.close().catch(() => {});
      return false;
    }
  }

  /** A supervised worker for a component; the SDK's HTTP transport for a remote server. */
  #transport(generation: number): Transport {
    const target = this.#target;
    if (target.kind === 'remote') {
      this.#http = remoteTransport(target.url, target.fetch);
      return this.#http;
    }
    const bytes = this.bytes;
    if (!bytes) throw new Error('the component was not read');
    return new SupervisedTransport({
      spawn: () => this.#spawn(target.spawn, bytes, generation),
      timeoutMs: this.deadlineMs,
      // A replaced supervisor may still report on its way out; only the current one speaks.
      onEvent: (event) => {
        if (generation === this.#generation) this.#onSupervisor(event);
      },
    });
  }

  /** Closes the connection; a remote server is told first that its HTTP session is over (DELETE). */
  async #disconnect(): Promise<void> {
    await this.#http?.terminateSession().catch(() => {});
    this.#http = undefined;
    await this.client.close().catch(() => {});
  }

  /**
   * A new component knows nothing of the old one's log level and subscriptions: tell it again.
   * (2026-07-28 has no session: the level travels with each request, subscriptions listen anew.)
   */
  async #restoreServerState(): Promise<void> {
    const level = this.logLevel.value;
    const restore = [
      ...(level && !this.#modern ? [this.client.setLoggingLevel(level, this.#requestOptions())] : []),
      ...[...this.subscriptions.value].map((uri) => this.#subscribe(uri)),
    ];
    // What the new component refuses is shown in the history; the restart goes on.
    await Promise.allSettled(restore);
  }

  async #connected(notice?: string): Promise<void> {
    this.status.ready(
      {
        implementation: this.client.getServerVersion(),
        instructions: this.client.getInstructions(),
        protocolVersion: this.client.getNegotiatedProtocolVersion(),
        capabilities: this.client.getServerCapabilities() ?? {},
        world: this.#world,
        refused: this.#refused,
      },
      notice,
    );
    const capabilities = this.client.getServerCapabilities() ?? {};
    if (this.#modern) await this.#listenForListChanges(capabilities);
    await this.#loader.loadAll(capabilities);
  }

  /** 2026-07-28 announces list changes only on a subscriptions/listen stream the client opened. */
  async #listenForListChanges(capabilities: ServerCapabilities): Promise<void> {
    const filter = {
      ...(capabilities.tools?.listChanged ? { toolsListChanged: true } : {}),
      ...(capabilities.prompts?.listChanged ? { promptsListChanged: true } : {}),
      ...(capabilities.resources?.listChanged ? { resourcesListChanged: true } : {}),
    };
    if (Object.keys(filter).length === 0) return;
    await this.client.listen(filter, this.#requestOptions()).catch((e: unknown) => {
      this.logs.push({ seq: ++this.#seq, time: now(), level: 'warning', logger: 'client', data: `could not listen for list changes: ${errorInfo(e).message}` });
    });
  }

  async #spawn(spawn: Spawner, bytes: Uint8Array, generation: number): Promise<ComponentLink> {
    const events: WorkerEvents = {
      onStage: ({ stage, ms }) => {
        if (this.#loaded) return;
        this.status.stageDone(stage, ms, now());
        this.#stageStart = now();
      },
      onOutput: ({ stream, text }) => {
        for (const line of toOutputLines(text)) this.output.push({ seq: ++this.#seq, time: now(), stream, text: line });
      },
      onReady: (ready) => {
        this.#world = ready.world;
        this.#refused = ready.refused ?? [];
        this.#loaded = true;
      },
      onDenied: ({ capability, detail }) => this.#denied(capability, detail),
    };
    const link = await spawn(bytes, events, toWorkerSandbox(this.sandbox.config.value));
    if (generation === this.#generation) this.#link = link;
    return link;
  }

  /** The component was refused a capability: listed in the Sandbox view and logged. */
  #denied(capability: DenialEntry['capability'], detail: string): void {
    const entry: DenialEntry = { seq: ++this.#seq, time: now(), capability, detail };
    this.sandbox.denials.push(entry);
    this.logs.push({ ...entry, level: 'warning', logger: 'sandbox', data: `denied ${DENIAL_LABELS[capability]} to ${detail}: not granted (see Sandbox)` });
  }

  refresh(kind: Parameters<CatalogLoader['load']>[0]): Promise<void> {
    return this.#loader.load(kind);
  }

  callTool(tool: Tool, args: Record<string, unknown>): Promise<void> {
    const running = this.toolCalls.run(tool.name, async (signal, onProgress) => {
      const result = await this.client.request(
        { method: 'tools/call', params: { name: tool.name, arguments: args, ...this.#meta() } },
        {
          ...this.#requestOptions(),
          // Aborting makes the SDK send notifications/cancelled and reject with the reason.
          signal,
          onprogress: (p) => onProgress(p.message === undefined ? p : { ...p, message: p.message }),
        },
      );
      return { result, verdict: checkStructuredContent(tool, result) };
    });
    // run() has set the pending outcome before its first await.
    this.toolInput.set({ seq: this.toolCall.value!.seq, tool, arguments: args });
    return running;
  }

  /** Cancels the latest call of `tool`, if it is still running. */
  cancelToolCall(tool: string): void {
    this.toolCalls.cancel(tool);
  }

  readResource(uri: string): Promise<void> {
    return this.resourceRead.run(`resources/read ${uri}`, () => this.client.readResource({ uri, ...this.#meta() }, this.#requestOptions()));
  }

  getPrompt(name: string, args: Record<string, string>): Promise<void> {
    return this.promptGet.run(`prompts/get ${name}`, () =>
      this.client.getPrompt({ name, arguments: args, ...this.#meta() }, this.#requestOptions()),
    );
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
    if (subscribed) await this.#subscribe(uri);
    else if (this.#modern) await this.#listens.get(uri)?.close();
    else await this.client.unsubscribeResource({ uri }, this.#requestOptions());
    if (!subscribed) this.#listens.delete(uri);
    const next = new Set(this.subscriptions.value);
    if (subscribed) next.add(uri);
    else next.delete(uri);
    this.subscriptions.set(next);
  }

  async #subscribe(uri: string): Promise<void> {
    if (!this.#modern) {
      await this.client.subscribeResource({ uri }, this.#requestOptions());
      return;
    }
    this.#listens.set(uri, await this.client.listen({ resourceSubscriptions: [uri] }, this.#requestOptions()));
  }

  /** 2025: the session's level (logging/setLevel). 2026-07-28: sent with every call from now on. */
  async setLogLevel(level: LoggingLevel): Promise<void> {
    if (!this.#modern) await this.client.setLoggingLevel(level, this.#requestOptions());
    this.logLevel.set(level);
  }

  /**
   * The `_meta` a 2026-07-28 call carries: the log level the person chose, or debug until they
   * choose (a request naming no level gets no logs; a 2025 session gets all until logging/setLevel).
   */
  #meta(): { _meta?: Record<string, unknown> } {
    return this.#modern ? { _meta: { [LOG_LEVEL_META_KEY]: this.logLevel.value ?? 'debug' } } : {};
  }

  /** Sends a hand-written message past the Client; the answer lands in `consoleSend`. */
  sendRaw(message: JSONRPCMessage): Promise<void> {
    return this.consoleSend.run('method' in message ? message.method : 'message', () => this.#sendRaw(message));
  }

  /** Sends again the message recorded as history entry `seq`; the answer lands in `resent`. */
  resend(message: JSONRPCMessage, seq: number): Promise<void> {
    return this.resent.run(`re-send #${seq}`, () => this.#sendRaw(message));
  }

  async #sendRaw(message: JSONRPCMessage): Promise<JSONRPCMessage | undefined> {
    if (!this.#recording) throw new Error('the server is not connected');
    return this.#recording.sendRaw(message);
  }

  isInFlight(id: string | number): boolean {
    return this.#recording?.isInFlight(id) ?? false;
  }

  async close(): Promise<void> {
    this.status.closed();
    await this.#disconnect();
    this.history.flush();
  }

  /** Deadline of one request, as the sandbox settings in force say. */
  get deadlineMs(): number {
    return this.sandbox.config.value.deadlineMs;
  }

  /** A component's supervisor answers first at the deadline, so there the Client's own timeout is a last resort. */
  #requestOptions(): RequestOptions {
    return { timeout: this.kind === 'remote' ? this.deadlineMs : this.deadlineMs + 120_000 };
  }

  #onSupervisor(event: SupervisorEvent): void {
    // A fresh worker does not know what the old one asked.
    if (event.type !== 'restarted') this.clientRequests.dropAll(`the component stopped: ${event.reason.message}`);
    if (event.type === 'restarting') this.status.restarting(toWireError(event.reason));
    else if (event.type === 'restarted') this.status.restarted(event.restarts);
    else this.status.failed(toWireError(event.reason));
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
