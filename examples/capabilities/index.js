// The "capabilities" server: one tool per WASI capability a host may grant,
// for testing grants: environment variables (`env`), preopened directories
// (`list-dirs`, `read-file`, `write-file`) and outgoing HTTP (`fetch`). What
// each tool sees is exactly what the host gave the instance.
//
// Built with componentize-js (SpiderMonkey) for world `mcp-server-caps`
// (../wit/caps.wit). Not QuickJS: componentize-qjs 0.4.5 cannot build a
// component that imports wasi:http/types, because the linker it pre-initializes
// with (Wizer) stubs every interface it does not implement with fresh resource
// types, and wasi:http/types uses wasi:io's ("instance export `io-error` has
// the wrong type: mismatched resource types"; the same for any interface that
// `use`s a wasi:io resource). In SpiderMonkey an absent option<T> is
// `undefined` and u64 is BigInt.
//
// A WASI call that fails comes back as an is-error tool result naming the WASI
// error (`no-entry`, `HTTP-request-denied`, ...). No other exception may leave
// a handler: under componentize-js that breaks the instance.
import { registerServer, registerTools, serve } from 'wasi:mcp/runtime@0.1.0';
import { Error as McpError } from 'wasi:mcp/types@0.1.0';
import { getEnvironment } from 'wasi:cli/environment@0.2.3';
import { getDirectories } from 'wasi:filesystem/preopens@0.2.3';
import { handle } from 'wasi:http/outgoing-handler@0.2.3';
import { Fields, OutgoingRequest } from 'wasi:http/types@0.2.3';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const json = (v) => encoder.encode(JSON.stringify(v));
const object = (properties = {}, required = []) => json({ type: 'object', properties, required });

/** Fails the MCP request: the host receives the `err` of the handler's result. */
function fail(code, message) {
  throw new McpError(code, message, undefined);
}

const tools = [
  { name: 'env', description: 'Returns the environment variables the component sees, as a JSON object', inputSchema: object() },
  {
    name: 'list-dirs',
    description: 'Lists the preopened directories (by guest path) and their entries, as JSON',
    inputSchema: object(),
  },
  {
    name: 'read-file',
    description: 'Reads a file by absolute guest path (e.g. /data/a.txt) and returns its text',
    inputSchema: object({ path: { type: 'string' } }, ['path']),
  },
  {
    name: 'write-file',
    description: 'Writes text to a file by absolute guest path, creating or truncating it; returns the bytes written',
    inputSchema: object({ path: { type: 'string' }, text: { type: 'string' } }, ['path', 'text']),
  },
  {
    name: 'fetch',
    description: 'GETs a URL with wasi:http and returns "status <n>: <first 4 KiB of the body>"',
    inputSchema: object({ url: { type: 'string' } }, ['url']),
  },
];

export const run = {
  run() {
    registerServer({
      name: 'capabilities',
      version: '1.0.0',
      capabilities: { tools: { listChanged: false } },
      instructions: 'Each tool uses one WASI capability (environment, directories, outgoing HTTP); it works only if the host granted it.',
    });
    registerTools(tools);
    serve();
  },
};

const text = (t) => ({ tag: 'text', val: { contentType: 'text', text: t } });
const ok = (t) => ({ content: [text(t)] });
const failed = (t) => ({ content: [text(t)], isError: true });

/** A failure the tool reports as its is-error text. */
class ToolFailure {
  constructor(message) {
    this.message = message;
  }
}

/** The `err` of a failed WASI import: componentize-js throws an Error whose `payload` it is. */
function wasiError(e) {
  return e !== null && typeof e === 'object' && 'payload' in e ? e.payload : e;
}

/**
 * A WASI error in words: an enum (`no-entry`) is itself, a variant its tag,
 * followed by its text if it carries one (`internal-error (fetch failed)`).
 */
function errorName(e) {
  const v = wasiError(e);
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && typeof v.tag === 'string') return typeof v.val === 'string' ? `${v.tag} (${v.val})` : v.tag;
  return String(v);
}

/** Frees an owned WASI resource now rather than whenever the garbage collector runs. */
function dispose(resource) {
  if (resource != null && typeof resource[Symbol.dispose] === 'function') resource[Symbol.dispose]();
}

function concat(chunks, total) {
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c.subarray(0, total - at), at);
    at += Math.min(c.length, total - at);
  }
  return all;
}

// ---- directories ----------------------------------------------------------

/** [descriptor, relative path] for an absolute guest path, by the longest preopen that contains it. */
function resolve(path) {
  if (typeof path !== 'string' || !path.startsWith('/')) throw new ToolFailure(`not an absolute path: ${path}`);
  let best;
  for (const [descriptor, guestPath] of getDirectories()) {
    const root = guestPath.endsWith('/') ? guestPath : guestPath + '/';
    if ((path === guestPath || path.startsWith(root)) && (!best || guestPath.length > best[1].length)) best = [descriptor, guestPath];
  }
  if (!best) throw new ToolFailure(`no preopened directory for ${path}`);
  const rest = path.slice(best[1].length).replace(/^\/+/, '');
  return [best[0], rest === '' ? '.' : rest];
}

function readFile(path) {
  const [dir, rel] = resolve(path);
  const file = dir.openAt({ symlinkFollow: true }, rel, {}, { read: true });
  try {
    // What read(2) would say. (preview2-shim 0.26's in-memory `read` on a directory throws a TypeError.)
    if (file.getType() === 'directory') throw new ToolFailure('read-file failed: is-directory');
    const chunks = [];
    let total = 0;
    for (;;) {
      const [bytes, end] = file.read(65536n, BigInt(total));
      chunks.push(bytes);
      total += bytes.length;
      if (end || bytes.length === 0) break;
    }
    return decoder.decode(concat(chunks, total));
  } finally {
    dispose(file);
  }
}

function writeFile(path, contents) {
  const [dir, rel] = resolve(path);
  const file = dir.openAt({ symlinkFollow: true }, rel, { create: true, truncate: true }, { write: true });
  try {
    const bytes = encoder.encode(contents);
    let written = 0;
    while (written < bytes.length) written += Number(file.write(bytes.subarray(written), BigInt(written)));
    return written;
  } finally {
    dispose(file);
  }
}

function listDirs() {
  const listing = {};
  for (const [descriptor, guestPath] of getDirectories()) {
    const entries = [];
    const stream = descriptor.readDirectory();
    try {
      for (let entry = stream.readDirectoryEntry(); entry !== undefined; entry = stream.readDirectoryEntry()) {
        entries.push({ name: entry.name, type: entry.type });
      }
    } finally {
      dispose(stream);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    listing[guestPath] = entries;
  }
  return listing;
}

// ---- HTTP -----------------------------------------------------------------

const BODY_LIMIT = 4096;

function fetchUrl(url) {
  const m = typeof url === 'string' ? /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^#]*)/.exec(url) : null;
  if (!m) throw new ToolFailure(`not an absolute URL: ${url}`);
  const name = m[1].toLowerCase();
  const scheme = name === 'http' ? { tag: 'HTTP' } : name === 'https' ? { tag: 'HTTPS' } : { tag: 'other', val: name };
  const request = new OutgoingRequest(new Fields());
  try {
    request.setMethod({ tag: 'get' });
    request.setScheme(scheme);
    request.setAuthority(m[2]);
    request.setPathWithQuery(m[3] === '' ? '/' : m[3]);
  } catch {
    // These setters fail with `err(())`: there is nothing more to say than which URL.
    dispose(request);
    throw new ToolFailure(`invalid URL for wasi:http: ${url}`);
  }

  let future;
  try {
    future = handle(request, undefined); // takes ownership of the request
  } catch (e) {
    const code = errorName(e);
    throw new ToolFailure(code === 'HTTP-request-denied' ? `denied: ${code}` : `error: ${code}`);
  }
  const ready = future.subscribe();
  if (!waitFor(ready)) {
    // The host returned from `block` before the response arrived: a host that
    // calls the component synchronously cannot suspend it to wait for the
    // network. The request stays in flight, and `ready` and `future` are left
    // alone on purpose: dropping a pollable that a host is still "blocking" on
    // makes preview2-shim reject a promise that nobody handles.
    throw new ToolFailure('error: no response yet (the host returned from block without waiting); the request is still in flight');
  }
  dispose(ready);
  try {
    const outcome = future.get();
    if (outcome === undefined) throw new ToolFailure('error: no response although the pollable was ready');
    if (outcome.tag !== 'ok') throw new ToolFailure('error: the response was already taken');
    if (outcome.val.tag !== 'ok') throw new ToolFailure(`error: ${errorName(outcome.val.val)}`); // e.g. connection-refused
    const response = outcome.val.val;
    try {
      return `status ${response.status()}: ${decoder.decode(readBody(response))}`;
    } finally {
      dispose(response);
    }
  } finally {
    dispose(future);
  }
}

/** Waits until a pollable is ready; false if the host returned without waiting. */
function waitFor(pollable) {
  if (!pollable.ready()) pollable.block();
  return pollable.ready();
}

/** Up to BODY_LIMIT bytes of a response body. */
function readBody(response) {
  const body = response.consume();
  const stream = body.stream();
  const chunks = [];
  let total = 0;
  while (total < BODY_LIMIT) {
    let chunk;
    try {
      chunk = stream.read(BigInt(BODY_LIMIT - total));
    } catch (e) {
      if (errorName(e) === 'closed') break;
      throw new ToolFailure(`error: reading the body failed: ${errorName(e)}`);
    }
    if (chunk.length === 0) {
      const ready = stream.subscribe();
      // As above: if the host cannot wait, leave the stream and its pollable alone.
      if (!waitFor(ready)) throw new ToolFailure('error: the body did not arrive (the host returned from block without waiting)');
      dispose(ready);
      continue;
    }
    chunks.push(chunk);
    total += chunk.length;
  }
  dispose(stream);
  dispose(body);
  return concat(chunks, Math.min(total, BODY_LIMIT));
}

// ---- tools ----------------------------------------------------------------

const impl = {
  env: () => ok(JSON.stringify(Object.fromEntries(getEnvironment()))),
  'list-dirs': () => ok(JSON.stringify(listDirs())),
  'read-file': ({ path }) => ok(readFile(path)),
  'write-file': ({ path, text: contents }) => {
    if (typeof contents !== 'string') fail('invalid-params', '`text` must be a string');
    return ok(`wrote ${writeFile(path, contents)} bytes to ${path}`);
  },
  fetch: ({ url }) => ok(fetchUrl(url)),
};

function parseArgs(bytes) {
  if (bytes === undefined || bytes.length === 0) return {};
  let value;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch (e) {
    fail('invalid-params', 'arguments are not valid JSON: ' + e.message);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('invalid-params', 'arguments must be a JSON object');
  return value;
}

function callTool(name, args) {
  const tool = impl[name];
  if (!tool) fail('tool-not-found', `no tool ${name}`);
  try {
    return tool(parseArgs(args));
  } catch (e) {
    if (e instanceof ToolFailure) return failed(e.message);
    if (e instanceof McpError) throw e;
    // A filesystem call that failed: its error-code enum, e.g. `no-entry`.
    const code = wasiError(e);
    if (typeof code === 'string') return failed(`${name} failed: ${code}`);
    fail('internal-error', `${name}: ${e && e.message ? e.message : String(e)}`);
  }
}

export const handlers = {
  callTool,
  readResource: (uri) => fail('resource-not-found', `no resource ${uri}`),
  getPrompt: (name) => fail('prompt-not-found', `no prompt ${name}`),
  handleSubscribe: (uri) => fail('resource-not-found', `no resource ${uri}`),
  handleUnsubscribe: (uri) => fail('resource-not-found', `no resource ${uri}`),
  handleComplete: () => [],
  handleElicit: () => fail('method-not-found', 'elicitation is not supported'),
};
