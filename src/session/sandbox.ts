/**
 * What one server's component may reach and how far it may go:
 * the grants and limits set in the Sandbox view, turned into what the
 * worker's `load` message takes; what the component was refused; and how
 * much memory it uses. Kept per server; the settings in force are saved with
 * the workspace (src/session/workspace.ts) and come back with their server.
 */
import type { FileTree, WasiGrants } from '../host/wasi.js';
import type { SandboxDraft } from './sandbox-draft.js';
import { ListStore, ValueStore } from './store.js';

/** The host's own default (DEFAULT_MEMORY_LIMIT in src/host/component.ts), not imported: that module pulls jco into the page. */
export const DEFAULT_MEMORY_LIMIT_MIB = 512;

export interface SandboxFile {
  name: string;
  bytes: Uint8Array;
}

export interface SandboxConfig {
  env: Readonly<Record<string, string>>;
  /** Guest path of the in-memory directory; it is granted once it holds a file (deny by default). */
  dirPath: string;
  files: readonly SandboxFile[];
  /** Origins outgoing HTTP may reach; `*` for any. */
  httpOrigins: readonly string[];
  /** Deadline of one request; a component past it is stopped and restarted. */
  deadlineMs: number;
  /** Cap on each of the component's linear memories. */
  memoryLimitMiB: number;
}

/** The grants and limits in the worker protocol's shape (src/worker/protocol.ts `load`). */
export interface WorkerSandbox {
  grants: WasiGrants;
  limits: { memoryBytes: number };
}

export function defaultSandbox(deadlineMs: number): SandboxConfig {
  return { env: {}, dirPath: '/data', files: [], httpOrigins: [], deadlineMs, memoryLimitMiB: DEFAULT_MEMORY_LIMIT_MIB };
}

export function toWorkerSandbox(config: SandboxConfig): WorkerSandbox {
  const grants: WasiGrants = {};
  if (Object.keys(config.env).length > 0) grants.env = { ...config.env };
  if (config.files.length > 0) {
    const dir: FileTree['dir'] = {};
    for (const file of config.files) dir[file.name] = { source: file.bytes };
    grants.dirs = { [config.dirPath]: { dir } };
  }
  if (config.httpOrigins.length > 0) grants.httpOrigins = [...config.httpOrigins];
  return { grants, limits: { memoryBytes: config.memoryLimitMiB * 2 ** 20 } };
}

/** Adds files to a list, a new file replacing one of the same name. */
export function withFiles(files: readonly SandboxFile[], added: readonly SandboxFile[]): SandboxFile[] {
  const names = new Set(added.map((f) => f.name));
  return [...files.filter((f) => !names.has(f.name)), ...added];
}

/** A refused capability in words, as in "outgoing HTTP to https://example.com". */
export const DENIAL_LABELS: Record<DenialEntry['capability'], string> = { http: 'outgoing HTTP' };

export interface DenialEntry {
  seq: number;
  time: number;
  capability: 'http';
  /** For HTTP, the origin the component tried to reach. */
  detail: string;
}

export interface MemorySample {
  /** The component's linear memories together (absent while no instance is loaded). */
  memoryBytes?: number;
  /** The worker's JS heap, where the engine tells a worker. */
  heapBytes?: number;
  time: number;
}

/** One server's sandbox: the settings in force, edits not applied yet, the denials seen, the last memory sample. */
export class Sandbox {
  readonly config: ValueStore<SandboxConfig>;
  /** Kept here, not in the form, so that switching tabs loses no edits (uploaded files included). */
  readonly draft = new ValueStore<SandboxDraft | undefined>(undefined);
  readonly denials = new ListStore<DenialEntry>(1_000);
  readonly memory = new ValueStore<MemorySample | undefined>(undefined);

  constructor(initial: SandboxConfig) {
    this.config = new ValueStore(initial);
  }
}
