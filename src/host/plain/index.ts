/**
 * A component that does not implement wasi:mcp, presented to the host the way
 * a wasi:mcp component is: a registry holding server info and one tool per
 * exported function, and handlers whose callTool runs them. The protocol side
 * (server.ts) cannot tell the difference; grants, limits, deadlines and
 * restarts apply as they do to any component.
 */
import { jsonBytes } from '../bytes.js';
import { describeError, HostError } from '../errors.js';
import type { Registry } from '../registry.js';
import type { PrintedWit, World } from '../transpile.js';
import type { WitServerInfo } from '../wit.js';
import { exportNames, renameInterfaces } from './rename-interfaces.js';
import { plainTools, type PlainTool } from './tools.js';
import { parseExports } from './wit-parse.js';

export { plainHandlers } from './handlers.js';

export interface PlainWorld {
  server: WitServerInfo;
  tools: PlainTool[];
  /** Exports that are not tools, with the reason. */
  left: string[];
}

const MCP_EXPORTS = ['wasi:mcp/handlers', 'wasi:cli/run'];

/**
 * Whether a component is served as plain tools: it exports something, but
 * neither wasi:mcp/handlers nor wasi:cli/run. Read from the bytes, before jco
 * runs, because a plain component's functions decide how it is transpiled.
 */
export function isPlain(component: Uint8Array): boolean {
  let names: string[];
  try {
    names = exportNames(component);
  } catch {
    return false; // malformed: the transpiler says what is wrong
  }
  return names.length > 0 && !names.some((e) => MCP_EXPORTS.some((m) => e === m || e.startsWith(`${m}@`)));
}

function serverInfo(interfaces: string[], left: string[]): WitServerInfo {
  const packages = [...new Set(interfaces.map((i) => i.replace(/\/[^@]*/, '')))];
  const [name, version] = packages.length === 1 ? packages[0].split('@') : ['wasm-component'];
  const notes = left.length === 0 ? '' : ` Not served: ${left.join('; ')}.`;
  return {
    name,
    version: version ?? '0.0.0',
    capabilities: { tools: { listChanged: false } },
    instructions:
      'This component does not implement wasi:mcp: each function it exports is a tool, its arguments and result ' +
      `JSON as the schemas describe (derived from its WIT types).${notes}`,
  };
}

/** Prints the WIT of a plain component with jco's wasm-tools, its interfaces renamed so that all are defined. */
export async function printPlainWit(bytes: Uint8Array): Promise<PrintedWit> {
  const { componentWit } = await import('@bytecodealliance/jco-transpile/wasm-tools');
  try {
    const renamed = renameInterfaces(bytes);
    return { wit: await componentWit(renamed.bytes), names: [...renamed.names] };
  } catch (e) {
    throw new HostError('WRONG_WORLD', `the component's WIT could not be printed: ${describeError(e)}`);
  }
}

/** The tools of a plain component, from its printed WIT. */
export function plainWorldOf(printed: PrintedWit): PlainWorld {
  let exported;
  try {
    exported = parseExports(printed.wit);
  } catch (e) {
    throw new HostError('WRONG_WORLD', `the component's exported WIT could not be read: ${describeError(e)}`);
  }
  const { tools, left } = plainTools(exported, new Map(printed.names));
  const interfaces = [...new Set(tools.flatMap((t) => (t.iface?.includes(':') ? [t.iface] : [])))];
  return { server: serverInfo(interfaces, left), tools, left };
}

/** Derives the tools of a plain component from its WIT. */
export async function readPlainWorld(bytes: Uint8Array): Promise<PlainWorld> {
  return plainWorldOf(await printPlainWit(bytes));
}

/** Refuses a plain component with no function to serve, as a component of another world. */
export function checkPlain(plain: PlainWorld, world: World): void {
  if (plain.tools.length > 0) return;
  const left = plain.left.length === 0 ? '' : `; not served: ${plain.left.join('; ')}`;
  throw new HostError(
    'WRONG_WORLD',
    `component exports no function to serve as a tool and does not export wasi:mcp/handlers (it exports: ${world.exports.join(', ')}${left})`,
    world,
  );
}

/**
 * The exports to transpile as WebAssembly.promising under JSPI, in jco's
 * naming (`example:plain/ops#distance`, `greet`): any of them may call an
 * import that suspends (a blocking read, a poll), which traps outside one.
 */
export function promisingExports(plain: PlainWorld): string[] {
  return plain.tools.map((t) => (t.iface === undefined ? t.fn.name : `${t.iface}#${t.fn.name}`));
}

/** Registers `plain` in a fresh registry, as a wasi:mcp component's run would. */
export function registerPlain(plain: PlainWorld, registry: Registry): void {
  registry.setServer(plain.server);
  registry.addTools(
    plain.tools.map((t) => ({
      name: t.name,
      description: t.description,
      inputSchema: jsonBytes(t.inputSchema),
      ...(t.outputSchema ? { outputSchema: jsonBytes(t.outputSchema) } : {}),
    })),
  );
  registry.served = true;
}
