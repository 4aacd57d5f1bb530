// Helpers shared by the QuickJS examples (componentize-qjs resolves relative
// imports at build time, so this file is compiled into each component).
//
// Why hand-written UTF-8: the QuickJS runtime has no TextEncoder/TextDecoder.
// It does have btoa/atob, which is enough for base64.
import { Error as McpError } from 'wasi:mcp/types@0.1.0';

export { McpError };

/** Throw a wasi:mcp `error` resource; the host sees it as the `err` of the result. */
export function fail(code, message) {
  throw new McpError(code, message, undefined);
}

/** string -> Uint8Array (UTF-8). Handles surrogate pairs; lone surrogates become U+FFFD. */
export function utf8Encode(str) {
  const out = [];
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      const d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}

/** Uint8Array (UTF-8) -> string. Malformed sequences become U+FFFD. */
export function utf8Decode(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    // Sequence length and first-byte payload; 0 = invalid lead byte.
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    let c = n === 1 ? b : n === 2 ? b & 31 : n === 3 ? b & 15 : b & 7;
    let ok = n > 0 && i + n <= bytes.length;
    for (let k = 1; ok && k < n; k++) {
      const cont = bytes[i + k];
      if ((cont & 0xc0) !== 0x80) ok = false;
      else c = (c << 6) | (cont & 63);
    }
    // Reject overlong forms, surrogates and values above U+10FFFF.
    if (ok && ((n === 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) || (n === 4 && (c < 0x10000 || c > 0x10ffff)))) ok = false;
    if (!ok) { s += '\ufffd'; i += 1; continue; }
    s += String.fromCodePoint(c);
    i += n;
  }
  return s;
}

/** JS value -> JSON bytes, the form WIT `list<u8>` schemas and payloads take. */
export const jsonBytes = (value) => utf8Encode(JSON.stringify(value));

/**
 * Tool or prompt arguments: JSON bytes (or none, which QuickJS passes as null)
 * -> a plain object. Anything else is invalid-params, so handlers can
 * destructure without a TypeError (an uncaught JS error would trap the instance).
 */
export function parseArgs(bytes) {
  if (bytes == null || bytes.length === 0) return {};
  let value;
  try {
    value = JSON.parse(utf8Decode(bytes));
  } catch (e) {
    fail('invalid-params', 'arguments are not valid JSON: ' + e.message);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('invalid-params', 'arguments must be a JSON object');
  return value;
}

/** Uint8Array -> base64 (btoa takes a "binary string", one char per byte). */
export function base64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return btoa(s);
}

// Content-block constructors: the WIT variant `content-block` as jco/QuickJS map it.
export const text = (t) => ({ tag: 'text', val: { contentType: 'text', text: t } });
export const toolResult = (content, extra = {}) => ({ content, ...extra });

/** Write a line to stdout/stderr through wasi:cli streams (QuickJS has no console). */
export function writeLine(stream, line) {
  const bytes = utf8Encode(line + '\n');
  // blocking-write-and-flush accepts at most 4096 bytes per call.
  for (let i = 0; i < bytes.length; i += 4096) stream.blockingWriteAndFlush(bytes.subarray(i, i + 4096));
}

/**
 * Text of a JS exception. A WASI import that returned err (say a stream's `closed`) comes as an
 * Error whose message is "[object Object] (see error.payload)": say what the payload is instead.
 */
function describe(e) {
  if (e && e.payload !== undefined) {
    let payload;
    try {
      payload = JSON.stringify(e.payload);
    } catch {
      payload = String(e.payload);
    }
    return `a host call failed with ${payload}`;
  }
  return e && e.message ? e.message : String(e);
}

/**
 * Wrap every handler so that an unexpected JS exception (a bug) becomes an
 * `internal-error` instead of a trap. A trap leaves the component instance
 * unusable ("cannot enter component instance" on every later call).
 */
export function catchAll(handlers) {
  const wrapped = {};
  for (const [name, fn] of Object.entries(handlers)) {
    wrapped[name] = (...args) => {
      try {
        return fn(...args);
      } catch (e) {
        if (e instanceof McpError) throw e;
        // A runtime import that failed: QuickJS throws an Error whose
        // `payload` is the host's `error`; pass that on unchanged.
        if (e && e.payload instanceof McpError) throw e.payload;
        throw new McpError('internal-error', `${name}: ${describe(e)}`, undefined);
      }
    };
  }
  return wrapped;
}

/**
 * The handlers of a server that registers tools and nothing else: `callTool`
 * is its own, every other request is answered as the contract says for what
 * does not exist.
 */
export function toolsOnly(callTool) {
  return {
    callTool,
    readResource: (uri) => fail('resource-not-found', `no resource ${uri}`),
    getPrompt: (name) => fail('prompt-not-found', `no prompt ${name}`),
    handleSubscribe: (uri) => fail('resource-not-found', `no resource ${uri}`),
    handleUnsubscribe: (uri) => fail('resource-not-found', `no resource ${uri}`),
    handleComplete: () => [],
    handleElicit: () => fail('method-not-found', 'elicitation is not supported'),
  };
}
