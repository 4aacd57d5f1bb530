/**
 * WASI for one component instance, built from the pure-JS ("browser") build
 * of @bytecodealliance/preview2-shim on every platform, so that each instance
 * gets its own captured stdio and nothing the host did not grant:
 * clocks and random always; environment variables, directories (in memory,
 * or whatever the platform mounts) and outgoing HTTP to listed origins only when granted; sockets never.
 * A call to what was not granted fails inside the component with the WASI
 * error for it, and the host is told through `onDenied`.
 */

import { normalizeOrigin } from './grant-values.js';
import { announceRequest } from './http-redirects.js';
import { composePreopens, type FilesystemAdapter, type Mount } from './preopens.js';

/** The namespaces of the shim's browser build (`import * as wasi from '.../browser/index.js'`). */
export interface WasiShimModules {
  cli: {
    createCli(config: {
      environment?: Record<string, string>;
      arguments?: string[];
      initialCwd?: string;
    }): Record<string, unknown> & { environment: unknown; exit: unknown };
  };
  clocks: { monotonicClock: unknown; wallClock: unknown };
  filesystem: {
    types: unknown;
    createFilesystem(config: { adapter: FilesystemAdapter<Mount>; preopens: Record<string, Mount> }): { types: unknown; preopens: unknown };
    InMemoryFilesystemAdapter: new () => FilesystemAdapter;
  };
  http: {
    types: unknown;
    outgoingHandler: { handle(request: OutgoingRequestLike, options: unknown): unknown };
    incomingHandler: unknown;
  };
  io: {
    error: unknown;
    poll: unknown;
    streams: unknown;
    outputStreamCreate(handler: OutputHandler): unknown;
    inputStreamCreate(handler: InputHandler): unknown;
    ioErrorCreate(message: string): unknown;
  };
  random: { random: unknown; insecure: unknown; insecureSeed: unknown };
  sockets: Record<string, unknown>;
}

export interface OutputHandler {
  write(contents: Uint8Array): void;
  flush?(): void;
  blockingFlush?(): void;
  drop?(): void;
}

/** What the shim's `inputStreamCreate` wants: bytes on each read; throw `{ tag: 'closed' }` at the end. */
export interface InputHandler {
  blockingRead(length: bigint): Uint8Array;
  drop?(): void;
}

export type OutputStreamName = 'stdout' | 'stderr';
export type OutputListener = (stream: OutputStreamName, text: string) => void;

/** A directory tree in the shim's in-memory format: files carry their bytes as `source`. */
export interface FileTree {
  dir: Record<string, FileTree | { source: Uint8Array | string }>;
}

export interface WasiGrants {
  /** Environment variables the component sees (none by default). */
  env?: Record<string, string>;
  /** Arguments, argv[0] first. */
  args?: string[];
  /** Directories the component sees, by guest path, held in memory (none by default). */
  dirs?: Record<string, FileTree>;
  /** Origins (`https://example.com`, `http://127.0.0.1:8080`) outgoing HTTP may reach; `*` for any (none by default). */
  httpOrigins?: string[];
}

export interface Denial {
  capability: 'http';
  detail: string;
}

export type DenialListener = (denial: Denial) => void;

/** A stream that hands complete chunks of text to the listener as the component writes them. */
function capture(stream: OutputStreamName, listener: OutputListener): OutputHandler {
  const decoder = new TextDecoder();
  let pending = '';
  const emit = (final: boolean) => {
    const cut = final ? pending.length : pending.lastIndexOf('\n') + 1;
    if (cut === 0) return;
    listener(stream, pending.slice(0, cut));
    pending = pending.slice(cut);
  };
  // The shim calls these with `this` bound to the stream, which is already
  // closed when drop runs: use the closure, never `this`.
  const flush = () => {
    pending += decoder.decode();
    emit(true);
  };
  return {
    write(contents) {
      pending += decoder.decode(contents, { stream: true });
      emit(false);
    },
    flush,
    blockingFlush: flush,
    drop: flush,
  };
}

interface OutgoingRequestLike {
  scheme(): { tag: 'HTTP' | 'HTTPS' } | { tag: 'other'; val: string } | undefined;
  authority(): string | undefined;
  pathWithQuery(): string | undefined;
}

/**
 * The URL a wasi:http request will really fetch. The shim joins scheme,
 * authority and path-with-query as they are, and it accepts a path that does
 * not start with `/`: a path of `.evil.net/x` or `:8443/x` moves the request
 * to another host or port, so the authority alone proves nothing.
 */
function urlOf(request: OutgoingRequestLike): string {
  const scheme = request.scheme();
  const name = scheme === undefined ? 'https' : scheme.tag === 'other' ? scheme.val.toLowerCase() : scheme.tag.toLowerCase();
  return `${name}://${request.authority() ?? ''}${request.pathWithQuery() ?? ''}`;
}

/** outgoing-handler that lets through only the granted origins, redirects included (http-redirects.ts). */
function filteredHttp(
  handler: { handle(request: OutgoingRequestLike, options: unknown): unknown },
  origins: string[],
  onDenied: DenialListener,
) {
  const granted = new Set(origins.map((o) => (o === '*' ? o : normalizeOrigin(o) ?? o)));
  const allows = (origin: string) => granted.has('*') || granted.has(origin);
  return {
    handle(request: OutgoingRequestLike, options: unknown) {
      const url = urlOf(request);
      const origin = normalizeOrigin(url);
      if (origin === undefined || !allows(origin)) {
        onDenied({ capability: 'http', detail: origin ?? `${request.authority() ?? ''}${request.pathWithQuery() ?? ''}` });
        // wasi:http/types.error-code: the component sees a denied request, the host does not crash.
        throw { tag: 'HTTP-request-denied' };
      }
      const future = handler.handle(request, options);
      // The shim fetches later, from a promise callback: announced now, it is checked then.
      announceRequest({ url, allows, onDenied: (detail) => onDenied({ capability: 'http', detail }) });
      return future;
    },
  };
}

const guarded = new WeakSet<object>();

/**
 * preview2-shim's Pollable.block returns a promise that rejects when the
 * pollable is dropped while waited on; if the component dropped it without
 * waiting (only possible where the host could not suspend), nobody handles
 * that rejection and Node ends the process. Mark it handled; a waiter still
 * sees the rejection. Patched once per shim, on its own class, as jco checks
 * resources by class.
 */
function guardPollables(poll: unknown): void {
  const Pollable = (poll as { Pollable?: { prototype: { block(): unknown } } }).Pollable;
  if (!Pollable || guarded.has(Pollable)) return;
  guarded.add(Pollable);
  const block = Pollable.prototype.block;
  Pollable.prototype.block = function guardedBlock(this: unknown) {
    const result = block.call(this);
    if (result instanceof Promise) result.catch(() => {});
    return result;
  };
}

export function wasiImports(
  shim: WasiShimModules,
  grants: WasiGrants,
  output: OutputListener,
  onDenied: DenialListener = () => {},
  mounts: Record<string, Mount> = {},
): Record<string, unknown> {
  guardPollables(shim.io.poll);
  const cli = shim.cli.createCli({
    environment: grants.env ?? {},
    arguments: grants.args ?? ['component'],
    initialCwd: '/',
  });
  // createCli hands out one stream object for every get-stdout/get-stderr, and a guest that drops
  // its handle closes that object for good, so the next call's writes fail with `closed` (a
  // QuickJS tool writing to stderr failed every second time). WASI gives a handle per call: so do we.
  const stdout = capture('stdout', output);
  const stderr = capture('stderr', output);
  const fs = shim.filesystem.createFilesystem(
    composePreopens(grants.dirs ?? {}, new shim.filesystem.InMemoryFilesystemAdapter(), mounts),
  );
  const s = shim.sockets;
  return {
    'wasi:cli/environment': cli.environment,
    'wasi:cli/exit': cli.exit,
    'wasi:cli/stdin': cli.stdin,
    'wasi:cli/stdout': { getStdout: () => shim.io.outputStreamCreate(stdout) },
    'wasi:cli/stderr': { getStderr: () => shim.io.outputStreamCreate(stderr) },
    'wasi:cli/terminal-input': cli.terminalInput,
    'wasi:cli/terminal-output': cli.terminalOutput,
    'wasi:cli/terminal-stdin': cli.terminalStdin,
    'wasi:cli/terminal-stdout': cli.terminalStdout,
    'wasi:cli/terminal-stderr': cli.terminalStderr,
    'wasi:clocks/monotonic-clock': shim.clocks.monotonicClock,
    'wasi:clocks/wall-clock': shim.clocks.wallClock,
    'wasi:filesystem/types': fs.types,
    'wasi:filesystem/preopens': fs.preopens,
    'wasi:io/error': shim.io.error,
    'wasi:io/poll': shim.io.poll,
    'wasi:io/streams': shim.io.streams,
    'wasi:random/random': shim.random.random,
    'wasi:random/insecure': shim.random.insecure,
    'wasi:random/insecure-seed': shim.random.insecureSeed,
    // The browser build's sockets answer not-supported to every call.
    'wasi:sockets/instance-network': s.instanceNetwork,
    'wasi:sockets/ip-name-lookup': s.ipNameLookup,
    'wasi:sockets/network': s.network,
    'wasi:sockets/tcp': s.tcp,
    'wasi:sockets/tcp-create-socket': s.tcpCreateSocket,
    'wasi:sockets/udp': s.udp,
    'wasi:sockets/udp-create-socket': s.udpCreateSocket,
    'wasi:http/types': shim.http.types,
    'wasi:http/outgoing-handler': filteredHttp(shim.http.outgoingHandler, grants.httpOrigins ?? [], onDenied),
    'wasi:http/incoming-handler': shim.http.incomingHandler,
  };
}
