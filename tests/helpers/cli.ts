/**
 * Runs the built CLI (`node bin/wasi-mcp.js`, i.e. dist-node/) the way MCP
 * clients do: as a child process over stdio, or as an HTTP server.
 * `npm run build:cli` must have run (npm test's pretest does it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/client';
import type { ClientCapabilities, JSONRPCMessage, Transport } from '@modelcontextprotocol/client';
import { envelopeMeta } from './envelope.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/wasi-mcp.js', import.meta.url));

/**
 * The environment of every CLI a test starts: its transpile cache in a temp
 * dir, never the user's ~/.cache. Shared by runs (entries are keyed by
 * content hash and written atomically), so only the first run transpiles.
 * Pass it explicitly: StdioClientTransport otherwise hands the child only a
 * few variables (HOME, PATH, ...).
 */
export const CLI_ENV: NodeJS.ProcessEnv = { ...process.env, WASI_MCP_CACHE_DIR: join(tmpdir(), 'wasi-mcp-test-cache') };

function assertBuilt(): void {
  if (!existsSync(new URL('../../dist-node/cli/main.js', import.meta.url))) {
    throw new Error('dist-node/cli/main.js is missing: run npm run build:cli');
  }
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `wasi-mcp ...args` to completion. */
export function runCli(args: string[], timeoutMs = 30_000, env: NodeJS.ProcessEnv = CLI_ENV): Promise<RunResult> {
  assertBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = collect(child);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`wasi-mcp ${args.join(' ')} did not exit within ${timeoutMs} ms; stderr: ${out.stderr()}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      // Let the pipes drain.
      setImmediate(() => resolve({ code, stdout: out.stdout(), stderr: out.stderr() }));
    });
  });
}

function collect(child: ChildProcess): { stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return { stdout: () => stdout, stderr: () => stderr };
}

export interface StdioSession {
  client: Client;
  /** Everything the server wrote on stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

/**
 * Hands each message to the client in its own macrotask. The SDK client
 * handles notifications a microtask late but responses at once, so progress
 * read in the same chunk as its response is dropped
 * (modelcontextprotocol/typescript-sdk#2580), whatever the server does.
 * Call after connect(); `onwire` sees every message first.
 */
export function deliverSeparately(transport: Transport, onwire?: (message: JSONRPCMessage) => void): void {
  const deliver = transport.onmessage;
  transport.onmessage = (message: JSONRPCMessage) => {
    onwire?.(message);
    setImmediate(() => deliver?.(message));
  };
}

export interface ClientSetup {
  /** 2025-11-25 (initialize, the default) or 2026-07-28 (server/discover, the `_meta` envelope). */
  era?: 'legacy' | 'modern';
  capabilities?: ClientCapabilities;
}

/** The official SDK Client as a test configures it: its era and the capabilities it declares. */
export function testClient(setup: ClientSetup = {}): Client {
  return new Client(
    { name: 'wasi-mcp-tests', version: '1.0.0' },
    {
      ...(setup.capabilities ? { capabilities: setup.capabilities } : {}),
      ...(setup.era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {}),
    },
  );
}

/** The official SDK Client over StdioClientTransport, spawning `wasi-mcp serve ...args`. */
export async function connectStdio(
  args: string[],
  onwire?: (message: JSONRPCMessage) => void,
  setup: ClientSetup = {},
): Promise<StdioSession> {
  assertBuilt();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'serve', ...args],
    cwd: ROOT,
    env: CLI_ENV as Record<string, string>,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const client = testClient(setup);
  await client.connect(transport);
  deliverSeparately(transport, onwire);
  return { client, stderr: () => stderr, close: () => client.close() };
}

export interface HttpServer {
  url: URL;
  port: number;
  stderr(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `wasi-mcp serve ...args --http 0` and waits for the URL it prints on stderr. */
export function startHttp(args: string[], timeoutMs = 30_000): Promise<HttpServer> {
  assertBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', ...args, '--http', '0'], {
      cwd: ROOT,
      env: CLI_ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = collect(child);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const timer = setTimeout(() => reject(new Error(`no URL within ${timeoutMs} ms; stderr: ${out.stderr()}`)), timeoutMs);
    let listening = false;
    child.stderr?.on('data', () => {
      const match = /http:\/\/127\.0\.0\.1:(\d+)\/mcp/.exec(out.stderr());
      if (!match || listening) return;
      listening = true;
      clearTimeout(timer);
      resolve({
        url: new URL(match[0]),
        port: Number(match[1]),
        stderr: out.stderr,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`wasi-mcp exited with ${code} before listening; stderr: ${out.stderr()}`)));
  });
}

export interface RawToolCall {
  name: string;
  arguments?: Record<string, unknown>;
  /** More params beside name and arguments (inputResponses, requestState). */
  params?: Record<string, unknown>;
  /** Headers beside the standard ones. */
  headers?: Record<string, string>;
  capabilities?: ClientCapabilities;
}

export interface RawAnswer {
  status: number;
  body: {
    result?: { resultType?: string; requestState?: string; inputRequests?: Record<string, unknown>; content?: { text: string }[] };
    error?: { code: number; message: string };
  };
}

let rawId = 0;

/**
 * POSTs one 2026-07-28 tools/call as a bare HTTP client writes it: the
 * envelope `_meta`, Mcp-Method and Mcp-Name. The answer is a JSON body, or an
 * SSE stream whose last event is the answer.
 */
export async function postToolCall(url: URL, call: RawToolCall): Promise<RawAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': call.name,
      ...call.headers,
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: ++rawId,
      method: 'tools/call',
      params: { name: call.name, arguments: call.arguments ?? {}, ...call.params, _meta: envelopeMeta(call.capabilities) },
    }),
  });
  const text = await response.text();
  const data = text.startsWith('{') ? text : (text.match(/^data: (.*)$/gm) ?? []).at(-1)?.slice('data: '.length);
  return { status: response.status, body: JSON.parse(data ?? 'null') as RawAnswer['body'] };
}
