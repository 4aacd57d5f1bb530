/**
 * One MCP App view on the page: a sandbox document (public/app-sandbox.html)
 * in an iframe of opaque origin, which shows the view's HTML in a frame of
 * its own, and an AppBridge (ext-apps) that speaks the Apps protocol to it
 * over postMessage. The view gets the tool's input and then its result; its
 * tools/call and resources/read go through the session (AppCalls). Closing
 * asks the view to tear down, waits a moment for its answer, then stops
 * listening and removes the frame.
 */
import type { CallToolResult } from '@modelcontextprotocol/client';
import { AppBridge, PostMessageTransport, type McpUiHostContext } from '@modelcontextprotocol/ext-apps/app-bridge';
import type { ServerSession, ToolInput } from '../../../session/server-session.js';
import { viewDocument } from './view-document.js';
import { viewPolicy, withPolicy } from './view-policy.js';

export type AppPhase = 'loading' | 'running' | 'failed';

export interface AppStatus {
  uri: string;
  phase: AppPhase;
  error?: string;
  /** CSP domains the view declared that the sandbox does not allow. */
  ignored: string[];
}

/** How the tool call the view belongs to ended, as the view is told. */
export type CallEnd = { result: CallToolResult } | { cancelled: string };

const SANDBOX_URL = new URL('app-sandbox.html', document.baseURI).href;
/** How long closing waits for the view to answer ui/resource-teardown. */
const TEARDOWN_MS = 1_000;
const MIN_HEIGHT = 40;
const MAX_HEIGHT = 1_600;

export class AppFrame {
  readonly #session: ServerSession;
  readonly #input: ToolInput;
  readonly #uri: string;
  readonly #onStatus: (status: AppStatus) => void;
  readonly #iframe: HTMLIFrameElement;
  readonly #bridge: AppBridge;
  #initialized = false;
  #end: CallEnd | undefined;
  #closed = false;

  constructor(session: ServerSession, input: ToolInput, uri: string, context: McpUiHostContext, onStatus: (status: AppStatus) => void) {
    this.#session = session;
    this.#input = input;
    this.#uri = uri;
    this.#onStatus = onStatus;
    this.#iframe = document.createElement('iframe');
    // allow-scripts without allow-same-origin: an opaque origin, which can reach nothing of the page.
    this.#iframe.setAttribute('sandbox', 'allow-scripts');
    this.#iframe.title = `App ${uri}`;
    this.#iframe.className = 'app-frame';
    this.#bridge = new AppBridge(
      null,
      { name: 'wasi-mcp-playground', version: '0.1.0' },
      { serverTools: {}, serverResources: {} },
      { hostContext: { ...context, toolInfo: { tool: input.tool }, displayMode: 'inline', availableDisplayModes: ['inline'], platform: 'web' } },
    );
    this.#bridge.oncalltool = (params, extra) => session.appCalls.callTool(params, extra.mcpReq.signal);
    this.#bridge.onreadresource = (params, extra) => session.appCalls.readResource(params, extra.mcpReq.signal);
    this.#bridge.addEventListener('sizechange', ({ height }) => {
      if (height !== undefined) this.#iframe.style.height = `${Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(height)))}px`;
    });
    this.#bridge.addEventListener('initialized', () => void this.#initialize());
  }

  /** Reads the view, puts its frame into `container` and connects. Never rejects: failures land in the status. */
  async open(container: HTMLElement): Promise<void> {
    this.#report({ phase: 'loading', ignored: [] });
    try {
      const read = await this.#session.appCalls.readResource({ uri: this.#uri }, new AbortController().signal);
      const { html, meta } = viewDocument(this.#uri, read);
      const { policy, ignored } = viewPolicy(meta?.csp);
      if (this.#closed) return;
      this.#bridge.addEventListener('sandboxready', () => {
        this.#bridge.sendSandboxResourceReady({ html: withPolicy(html, policy), sandbox: 'allow-scripts' }).catch((e: unknown) => this.#fail(e));
      });
      this.#iframe.src = SANDBOX_URL;
      this.#iframe.classList.toggle('bordered', meta?.prefersBorder !== false);
      container.append(this.#iframe);
      await this.#bridge.connect(new PostMessageTransport(this.#iframe.contentWindow!, this.#iframe.contentWindow!));
      this.#report({ phase: 'running', ignored });
    } catch (e) {
      this.#fail(e);
    }
  }

  /** The tool call ended: the view hears of it once it is initialized. */
  settle(end: CallEnd): void {
    if (this.#end) return;
    this.#end = end;
    if (this.#initialized) void this.#sendEnd();
  }

  /** Asks the view to tear down, waits up to TEARDOWN_MS for its answer, then removes it. */
  async close(reason: string): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#iframe.hidden = true;
    if (this.#initialized) {
      const waited = new Promise<void>((resolve) => setTimeout(resolve, TEARDOWN_MS));
      await Promise.race([this.#bridge.teardownResource({ reason }, { timeout: TEARDOWN_MS }).catch(() => {}), waited]);
    }
    await this.#stop();
  }

  /** Removes the view now (its frame is leaving the page): it is told, but cannot answer. */
  dispose(reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#initialized) this.#bridge.teardownResource({ reason }).catch(() => {});
    void this.#stop();
  }

  async #initialize(): Promise<void> {
    this.#initialized = true;
    try {
      await this.#bridge.sendToolInput({ arguments: this.#input.arguments });
      if (this.#end) await this.#sendEnd();
    } catch (e) {
      this.#fail(e);
    }
  }

  async #sendEnd(): Promise<void> {
    const end = this.#end!;
    await ('result' in end ? this.#bridge.sendToolResult(end.result) : this.#bridge.sendToolCancelled({ reason: end.cancelled }));
  }

  async #stop(): Promise<void> {
    // Closing the bridge closes its transport, which stops listening for the frame's messages.
    await this.#bridge.close().catch(() => {});
    this.#iframe.remove();
  }

  #fail(e: unknown): void {
    if (this.#closed) return;
    this.#report({ phase: 'failed', error: e instanceof Error ? e.message : String(e), ignored: [] });
  }

  #report(status: Omit<AppStatus, 'uri'>): void {
    this.#onStatus({ uri: this.#uri, ...status });
  }
}
