/** The command line, parsed with node:util parseArgs into one typed command. */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MEMORY_LIMIT } from '../host/component.js';
import { grantableOrigin } from '../host/grant-values.js';
import { DEFAULT_CANCEL_GRACE_MS } from '../transport/cancel-grace.js';
import { usageError } from './exit-codes.js';
import { parseDirs, parseEnv, parseMemory, parseOrigin, type DirFlag } from './sandbox-flags.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_SESSION_IDLE_MS = 10 * 60_000;
/**
 * 2025 HTTP sessions open at once (each holds a component worker, about 90 MB
 * for a QuickJS component); past it a new session gets 503 until one closes.
 */
export const DEFAULT_MAX_SESSIONS = 16;

export const USAGE = `Usage:
  wasi-mcp serve <component.wasm> [options]            serve over stdio (newline-delimited JSON-RPC)
  wasi-mcp serve <component.wasm> --http <port> [opts] serve over Streamable HTTP on 127.0.0.1:<port>/mcp
  wasi-mcp inspect <component.wasm> [options]          print the component's world and registrations as JSON
  wasi-mcp test <collection.json> <component.wasm> [--junit <file>] [options]
                                                       run a collection's saved calls and check their answers
  wasi-mcp diff <old.wasm> <new.wasm> [--collection <file>] [options]
                                                       compare two components' registrations (and answers)

Options:
  --http <port>        listen on 127.0.0.1 (0 picks a free port; the URL is printed on stderr)
  --allow-origin <origin>
                       with --http: let browser pages from this origin call the server (CORS:
                       preflight answered, Mcp-Session-Id exposed), e.g. the playground's
                       http://127.0.0.1:5173; repeatable; none by default
  --timeout <ms>       deadline of one request; a late one is answered with an error and the
                       component is restarted (default ${DEFAULT_TIMEOUT_MS}). A request the client
                       cancels that still runs ${DEFAULT_CANCEL_GRACE_MS} ms later restarts it too, unanswered.
  --session-idle <ms>  with --http: close a session (and free its component) after this long
                       without a request or open stream (default ${DEFAULT_SESSION_IDLE_MS})
  --max-sessions <n>   with --http: 2025-era sessions open at once, each with its own component;
                       past it a new one gets 503 (default ${DEFAULT_MAX_SESSIONS}). 2026-07-28
                       clients have no sessions and share one component.
  --state-key-file <path>
                       with --http: sign input_required rounds' requestState with the key in this
                       file (at least 32 bytes; trailing line ends are dropped) instead of a random
                       one per process, so processes sharing it continue each other's stateless
                       rounds (behind a load balancer). Default: $WASI_MCP_STATE_KEY, when set.
                       A call held between rounds still needs its retry to reach the same process.
  --env KEY=VALUE      an environment variable the component sees (repeatable; none by default)
  --dir <host>[:<guest>][:ro]
                       a host directory the component sees at <guest> (default: the same absolute
                       path); repeatable, none by default. Its writes reach the directory; nothing
                       outside it can be reached (no absolute paths, no .. above it, no links
                       leading out). :ro makes it read-only: every write fails with read-only.
  --allow-http <origin>
                       outgoing HTTP to this origin (https://example.com, http://127.0.0.1:8080,
                       or * for any; repeatable; none by default). A denied request fails inside
                       the component and is reported on stderr.
  --memory <MiB>       cap on each linear memory of the component (default ${DEFAULT_MEMORY_LIMIT / 2 ** 20}); past it, the
                       call fails with MEMORY_LIMIT and the component is restarted
  --junit <file>       with test: also write the results as JUnit XML to <file>
  --collection <file>  with diff: run this collection on both components and compare the answers
  --no-cache           do not read or write the transpile cache (default: $WASI_MCP_CACHE_DIR,
                       else $XDG_CACHE_HOME/wasi-mcp, else ~/.cache/wasi-mcp)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 ok, 1 runtime failure (test: an expectation failed; diff: they differ), 2 usage
error or bad collection file, 3 bad or missing component file.
stdout carries only JSON-RPC (serve), JSON (inspect) or the report (test, diff); diagnostics go to stderr.`;

export interface Common {
  file: string;
  timeoutMs: number;
  env: Record<string, string>;
  dirs: DirFlag[];
  httpOrigins: string[];
  /** Absent: the host's default limit. */
  memoryBytes?: number;
  /** Use the transpile cache (--no-cache turns it off). */
  cache: boolean;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | ({
      kind: 'serve';
      http?: { port: number; sessionIdleMs: number; maxSessions: number; allowOrigins: string[]; stateKeyFile?: string };
    } & Common)
  | ({ kind: 'inspect' } & Common)
  /** `file` is the component; `collection` the collection file. */
  | ({ kind: 'test'; collection: string; junit?: string } & Common)
  /** `file` is the old component, `newFile` the new one. */
  | ({ kind: 'diff'; newFile: string; collection?: string } & Common);

const COMMANDS = ['serve', 'inspect', 'test', 'diff'] as const;
type CommandName = (typeof COMMANDS)[number];

/** The positional arguments after the command name, as its synopsis names them. */
const OPERANDS: Record<CommandName, string[]> = {
  serve: ['<component.wasm>'],
  inspect: ['<component.wasm>'],
  test: ['<collection.json>', '<component.wasm>'],
  diff: ['<old.wasm>', '<new.wasm>'],
};

const isCommandName = (name: string): name is CommandName => (COMMANDS as readonly string[]).includes(name);

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
  const [name, ...operands] = positionals;
  if (name === undefined) throw usageError('no command given (try wasi-mcp --help)');
  if (!isCommandName(name)) throw usageError(`unknown command ${name} (expected ${COMMANDS.join(', ')})`);
  const wanted = OPERANDS[name];
  if (operands.length < wanted.length) {
    throw usageError(`${name} needs ${wanted.length === 1 ? 'a component file' : wanted.join(' and ')}: wasi-mcp ${name} ${wanted.join(' ')}`);
  }
  if (operands.length > wanted.length) throw usageError(`unexpected argument ${operands[wanted.length]}`);
  if (values.junit !== undefined && name !== 'test') throw usageError('--junit is an option of test');
  if (values.collection !== undefined && name !== 'diff') throw usageError('--collection is an option of diff');
  const file = name === 'test' ? operands[1] : operands[0];
  const common: Common = {
    file,
    timeoutMs: values.timeout === undefined ? DEFAULT_TIMEOUT_MS : positiveInt('--timeout', values.timeout),
    env: parseEnv(values.env ?? []),
    dirs: parseDirs(values.dir ?? []),
    httpOrigins: (values['allow-http'] ?? []).map(parseOrigin),
    ...(values.memory === undefined ? {} : { memoryBytes: parseMemory(values.memory) }),
    cache: !values['no-cache'],
  };
  if (name !== 'serve' && values.http !== undefined) throw usageError(`--http is an option of serve, not of ${name}`);
  const idle = values['session-idle'];
  if (values.http === undefined && idle !== undefined) throw usageError('--session-idle goes with --http');
  const max = values['max-sessions'];
  if (values.http === undefined && max !== undefined) throw usageError('--max-sessions goes with --http');
  const allowOrigins = (values['allow-origin'] ?? []).map(parseCorsOrigin);
  if (values.http === undefined && allowOrigins.length > 0) throw usageError('--allow-origin goes with --http');
  const stateKeyFile = values['state-key-file'];
  if (values.http === undefined && stateKeyFile !== undefined) throw usageError('--state-key-file goes with --http');
  if (name === 'inspect') return { kind: 'inspect', ...common };
  if (name === 'test') return { kind: 'test', collection: operands[0], ...(values.junit === undefined ? {} : { junit: values.junit }), ...common };
  if (name === 'diff') {
    return { kind: 'diff', newFile: operands[1], ...(values.collection === undefined ? {} : { collection: values.collection }), ...common };
  }
  if (values.http === undefined) return { kind: 'serve', ...common };
  const sessionIdleMs = idle === undefined ? DEFAULT_SESSION_IDLE_MS : positiveInt('--session-idle', idle);
  const maxSessions = max === undefined ? DEFAULT_MAX_SESSIONS : positiveInt('--max-sessions', max);
  const http = { port: port(values.http), sessionIdleMs, maxSessions, allowOrigins, ...(stateKeyFile === undefined ? {} : { stateKeyFile }) };
  return { kind: 'serve', http, ...common };
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
      'max-sessions': { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'state-key-file': { type: 'string' },
      env: { type: 'string', multiple: true },
      dir: { type: 'string', multiple: true },
      'allow-http': { type: 'string', multiple: true },
      memory: { type: 'string' },
      'no-cache': { type: 'boolean' },
      junit: { type: 'string' },
      collection: { type: 'string' },
    },
  });
}

/** An origin as a browser sends it (scheme, host, port); `*` is refused: only the pages named may call. */
function parseCorsOrigin(text: string): string {
  const origin = text === '*' ? undefined : grantableOrigin(text);
  if (origin === undefined) throw usageError(`--allow-origin wants an origin like http://127.0.0.1:5173 or https://example.com, got ${text}`);
  return origin;
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

/** argv[0] for the component: its file name, never the host path. */
export function componentArgs(file: string): string[] {
  return [basename(file)];
}
