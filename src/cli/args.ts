/** The command line, parsed with node:util parseArgs into one typed command. */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { usageError } from './exit-codes.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_SESSION_IDLE_MS = 10 * 60_000;

export const USAGE = `Usage:
  wasi-mcp serve <component.wasm> [options]            serve over stdio (newline-delimited JSON-RPC)
  wasi-mcp serve <component.wasm> --http <port> [opts] serve over Streamable HTTP on 127.0.0.1:<port>/mcp
  wasi-mcp inspect <component.wasm> [options]          print the component's world and registrations as JSON

Options:
  --http <port>        listen on 127.0.0.1 (0 picks a free port; the URL is printed on stderr)
  --timeout <ms>       deadline of one request; a late one is answered with an error and the
                       component is restarted (default ${DEFAULT_TIMEOUT_MS})
  --session-idle <ms>  with --http: close a session (and free its component) after this long
                       without a request or open stream (default ${DEFAULT_SESSION_IDLE_MS})
  --env KEY=VALUE      an environment variable the component sees (repeatable; none by default)
  --dir <host:guest>   a host directory the component may see (not yet supported; none by default)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 ok, 1 runtime failure, 2 usage error, 3 bad or missing component file.
stdout carries only JSON-RPC (serve) or JSON (inspect); diagnostics go to stderr.`;

export interface Common {
  file: string;
  timeoutMs: number;
  env: Record<string, string>;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | ({ kind: 'serve'; http?: { port: number; sessionIdleMs: number } } & Common)
  | ({ kind: 'inspect' } & Common);

export function parseCommand(argv: string[]): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw usageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [name, file, ...rest] = positionals;
  if (name === undefined) throw usageError('no command given (try wasi-mcp --help)');
  if (name !== 'serve' && name !== 'inspect') throw usageError(`unknown command ${name} (expected serve or inspect)`);
  if (file === undefined) throw usageError(`${name} needs a component file: wasi-mcp ${name} <component.wasm>`);
  if (rest.length > 0) throw usageError(`unexpected argument ${rest[0]}`);
  if (values.dir !== undefined && values.dir.length > 0) {
    // Host directory preopens need a Node filesystem adapter for the shim's
    // browser build (issue #4 leaves it for later); never ignore the flag silently.
    throw usageError('--dir is not yet supported: components get no host directories in this version');
  }
  const common: Common = {
    file,
    timeoutMs: values.timeout === undefined ? DEFAULT_TIMEOUT_MS : positiveInt('--timeout', values.timeout),
    env: parseEnv(values.env ?? []),
  };
  if (name === 'inspect' && values.http !== undefined) throw usageError('--http is an option of serve, not of inspect');
  const idle = values['session-idle'];
  if (values.http === undefined && idle !== undefined) throw usageError('--session-idle goes with --http');
  if (name === 'inspect') return { kind: 'inspect', ...common };
  if (values.http === undefined) return { kind: 'serve', ...common };
  const sessionIdleMs = idle === undefined ? DEFAULT_SESSION_IDLE_MS : positiveInt('--session-idle', idle);
  return { kind: 'serve', http: { port: port(values.http), sessionIdleMs }, ...common };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      http: { type: 'string' },
      timeout: { type: 'string' },
      'session-idle': { type: 'string' },
      env: { type: 'string', multiple: true },
      dir: { type: 'string', multiple: true },
    },
  });
}

function positiveInt(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n <= 0) throw usageError(`${flag} wants a positive integer, got ${text}`);
  return n;
}

function port(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw usageError(`--http wants a port number from 0 to 65535, got ${text}`);
  return n;
}

function parseEnv(pairs: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? '' : pair.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw usageError(`--env wants KEY=VALUE, got ${pair}`);
    env[key] = pair.slice(eq + 1);
  }
  return env;
}

/** argv[0] for the component: its file name, never the host path. */
export function componentArgs(file: string): string[] {
  return [basename(file)];
}
