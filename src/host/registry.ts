/**
 * What a component registered through wasi:mcp/runtime, validated on the way
 * in so that the protocol side can trust it. A registration error is thrown as
 * RegistrationError and reaches the component as `error(invalid-params)`.
 * Besides the limits on each entry, the registry as a whole holds at most
 * LIMITS.registryBytes of names, texts and schemas: a batch that would take it
 * past that is refused before its schemas are parsed.
 */
import type { Icon } from '@modelcontextprotocol/server';
import { isJsonObject, parseJsonBytes } from './bytes.js';
import { parseIcons } from './icons.js';
import { schemaProblem } from './schema-check.js';
import type {
  WitCacheScope,
  WitCacheTarget,
  WitIconTarget,
  WitPromptDefinition,
  WitResourceDefinition,
  WitResourceTemplate,
  WitServerInfo,
  WitTaskSupport,
  WitToolDefinition,
} from './wit.js';

export const LIMITS = {
  nameLength: 256,
  descriptionLength: 64 * 1024,
  schemaBytes: 1024 * 1024,
  metaBytes: 64 * 1024,
  entries: 10_000,
  registryBytes: 8 * 1024 * 1024,
} as const;

/** The list methods (and discovery) a cache hint can name; resources/read hints go by URI. */
export type CacheableMethod = 'server/discover' | 'tools/list' | 'prompts/list' | 'resources/list' | 'resources/templates/list';

export interface CacheHint {
  ttlMs: number;
  cacheScope: WitCacheScope;
}

const CACHE_TARGETS: Record<Exclude<WitCacheTarget['tag'], 'resource'>, CacheableMethod> = {
  discover: 'server/discover',
  'tools-list': 'tools/list',
  'prompts-list': 'prompts/list',
  'resources-list': 'resources/list',
  'resource-templates-list': 'resources/templates/list',
};

export class RegistrationError extends Error {
  override name = 'RegistrationError';
}

export interface ToolEntry {
  definition: WitToolDefinition;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  /** Whether it may run as a task (declare-task-support); forbidden unless declared. */
  taskSupport: WitTaskSupport;
  /** Its MCP `_meta` (declare-tool-meta), if declared. */
  meta?: Record<string, unknown>;
}

export class Registry {
  server?: WitServerInfo;
  served = false;
  readonly tools = new Map<string, ToolEntry>();
  readonly resources = new Map<string, WitResourceDefinition>();
  readonly templates = new Map<string, WitResourceTemplate>();
  readonly prompts = new Map<string, WitPromptDefinition>();
  /** MCP `_meta` of resources by URI (declare-resource-meta). */
  readonly resourceMeta = new Map<string, Record<string, unknown>>();
  /** Caching hints for 2026-07-28 results (declare-cache-hint): by method, and resource reads by URI. */
  readonly cacheHints = new Map<CacheableMethod, CacheHint>();
  readonly resourceCacheHints = new Map<string, CacheHint>();
  /** MCP `icons` by what they belong to (declare-icons): see iconsOf. */
  readonly #icons = new Map<string, Icon[]>();
  /** Bytes of names, texts and schemas registered so far (strings counted in UTF-16 code units). */
  #bytes = 0;

  /** Counts a batch of `bytes` towards the registry's budget, or refuses it. */
  #charge(what: string, bytes: number): void {
    if (this.#bytes + bytes > LIMITS.registryBytes) {
      throw new RegistrationError(
        `${what} would take the registry to ${this.#bytes + bytes} bytes; the registry budget is ${LIMITS.registryBytes}`,
      );
    }
    this.#bytes += bytes;
  }

  setServer(info: WitServerInfo): void {
    if (this.server) throw new RegistrationError('register-server was already called');
    checkName('server name', info.name);
    checkText('server version', info.version);
    checkText('instructions', info.instructions);
    this.#charge('register-server', sizeOf(info.name, info.version, info.instructions));
    this.server = info;
  }

  addTools(tools: WitToolDefinition[]): void {
    const sizes = tools.map(
      (t) => sizeOf(t.name, t.title, t.description, t.annotations?.title) + t.inputSchema.length + (t.outputSchema?.length ?? 0),
    );
    this.#chargeBatch(`register-tools of ${tools.length} tools`, sizes, () => this.#addTools(tools));
  }

  #addTools(tools: WitToolDefinition[]): void {
    const entries = tools.map((tool) => {
      checkName('tool name', tool.name);
      checkText(`description of tool "${tool.name}"`, tool.description);
      checkText(`title of tool "${tool.name}"`, tool.title);
      checkText(`annotations.title of tool "${tool.name}"`, tool.annotations?.title);
      const inputSchema = parseSchema(tool.inputSchema, `inputSchema of tool "${tool.name}"`);
      if (inputSchema.type !== 'object') {
        throw new RegistrationError(`inputSchema of tool "${tool.name}" must have "type": "object"`);
      }
      const entry: ToolEntry = { definition: tool, inputSchema, taskSupport: 'forbidden' };
      if (tool.outputSchema !== undefined) {
        entry.outputSchema = parseSchema(tool.outputSchema, `outputSchema of tool "${tool.name}"`);
      }
      return entry;
    });
    addUnique(this.tools, entries, (e) => e.definition.name, 'tool');
  }

  setTaskSupport(name: string, support: WitTaskSupport): void {
    const tool = this.tools.get(name);
    if (!tool) throw new RegistrationError(`declare-task-support: no tool "${name}" is registered`);
    tool.taskSupport = support;
  }

  setToolMeta(name: string, bytes: Uint8Array): void {
    const tool = this.tools.get(name);
    if (!tool) throw new RegistrationError(`declare-tool-meta: no tool "${name}" is registered`);
    tool.meta = this.#meta(`declare-tool-meta of tool "${name}"`, bytes);
  }

  setResourceMeta(uri: string, bytes: Uint8Array): void {
    if (!this.resources.has(uri)) throw new RegistrationError(`declare-resource-meta: no resource "${uri}" is registered`);
    this.resourceMeta.set(uri, this.#meta(`declare-resource-meta of resource "${uri}"`, bytes));
  }

  setCacheHint(target: WitCacheTarget, ttlMs: bigint, scope: WitCacheScope): void {
    if (ttlMs > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RegistrationError(`declare-cache-hint: ttl-ms ${ttlMs} is above 2^53 - 1`);
    }
    const hint: CacheHint = { ttlMs: Number(ttlMs), cacheScope: scope };
    if (target.tag !== 'resource') {
      this.cacheHints.set(CACHE_TARGETS[target.tag], hint);
      return;
    }
    if (!this.resources.has(target.val)) throw new RegistrationError(`declare-cache-hint: no resource "${target.val}" is registered`);
    this.resourceCacheHints.set(target.val, hint);
  }

  /** declare-icons: checked (icons.ts) and charged to the budget like `_meta`. */
  setIcons(target: WitIconTarget, name: string, bytes: Uint8Array): void {
    const what = target === 'server' ? 'declare-icons of the server' : `declare-icons of ${target} "${name}"`;
    const registered: Record<Exclude<WitIconTarget, 'server'>, Map<string, unknown>> = {
      tool: this.tools,
      resource: this.resources,
      'resource-template': this.templates,
      prompt: this.prompts,
    };
    if (target !== 'server' && !registered[target].has(name)) throw new RegistrationError(`declare-icons: no ${target} "${name}" is registered`);
    const icons = parseIcons(jsonWithin(bytes, what, LIMITS.metaBytes));
    if (typeof icons === 'string') throw new RegistrationError(`${what} ${icons}`);
    this.#charge(what, bytes.length);
    this.#icons.set(iconKey(target, target === 'server' ? '' : name), icons);
  }

  /** The icons declared for the server (name ignored) or something registered, if any. */
  iconsOf(target: WitIconTarget, name = ''): Icon[] | undefined {
    return this.#icons.get(iconKey(target, target === 'server' ? '' : name));
  }

  /** Parses a `_meta` object and charges its bytes to the budget (a replaced one stays charged). */
  #meta(what: string, bytes: Uint8Array): Record<string, unknown> {
    const value = jsonWithin(bytes, what, LIMITS.metaBytes);
    if (!isJsonObject(value)) throw new RegistrationError(`${what} must be a JSON object`);
    this.#charge(what, bytes.length);
    return value;
  }

  /** Whether any tool may run as a task: then the server offers the tasks extension. */
  get hasTaskTools(): boolean {
    return [...this.tools.values()].some((t) => t.taskSupport !== 'forbidden');
  }

  addResources(resources: WitResourceDefinition[]): void {
    for (const r of resources) {
      checkName('resource uri', r.uri);
      checkName(`name of resource "${r.uri}"`, r.name);
      checkText(`title of resource "${r.uri}"`, r.title);
      checkText(`description of resource "${r.uri}"`, r.description);
    }
    const sizes = resources.map((r) => sizeOf(r.uri, r.name, r.title, r.description, r.mimeType));
    this.#chargeBatch(`register-resources of ${resources.length} resources`, sizes, () =>
      addUnique(this.resources, resources, (r) => r.uri, 'resource'),
    );
  }

  addTemplates(templates: WitResourceTemplate[]): void {
    for (const t of templates) {
      checkName('resource template', t.uriTemplate);
      checkName(`name of template "${t.uriTemplate}"`, t.name);
      checkText(`title of template "${t.uriTemplate}"`, t.title);
      checkText(`description of template "${t.uriTemplate}"`, t.description);
    }
    const sizes = templates.map((t) => sizeOf(t.uriTemplate, t.name, t.title, t.description, t.mimeType));
    this.#chargeBatch(`register-resource-templates of ${templates.length} templates`, sizes, () =>
      addUnique(this.templates, templates, (t) => t.uriTemplate, 'resource template'),
    );
  }

  addPrompts(prompts: WitPromptDefinition[]): void {
    for (const p of prompts) {
      checkName('prompt name', p.name);
      checkText(`title of prompt "${p.name}"`, p.title);
      checkText(`description of prompt "${p.name}"`, p.description);
      const seen = new Set<string>();
      for (const arg of p.arguments ?? []) {
        checkName(`argument name of prompt "${p.name}"`, arg.name);
        checkText(`description of argument "${arg.name}" of prompt "${p.name}"`, arg.description);
        if (seen.has(arg.name)) {
          throw new RegistrationError(`prompt "${p.name}" declares argument "${arg.name}" twice`);
        }
        seen.add(arg.name);
      }
    }
    const sizes = prompts.map(
      (p) => sizeOf(p.name, p.title, p.description) + (p.arguments ?? []).reduce((n, a) => n + sizeOf(a.name, a.description), 0),
    );
    this.#chargeBatch(`register-prompts of ${prompts.length} prompts`, sizes, () =>
      addUnique(this.prompts, prompts, (p) => p.name, 'prompt'),
    );
  }

  /** Charges a batch, then adds it; a batch that is refused leaves the count as it was. */
  #chargeBatch(what: string, sizes: number[], add: () => void): void {
    const before = this.#bytes;
    this.#charge(what, sizes.reduce((a, b) => a + b, 0));
    try {
      add();
    } catch (e) {
      this.#bytes = before;
      throw e;
    }
  }
}

/** The size the registry counts for some strings (UTF-16 code units, as JavaScript holds them; absent is 0). */
function sizeOf(...texts: (string | undefined)[]): number {
  return texts.reduce((n, t) => n + (t?.length ?? 0), 0);
}

function checkName(what: string, value: string): void {
  if (value.length === 0) throw new RegistrationError(`${what} is empty`);
  if (value.length > LIMITS.nameLength) {
    throw new RegistrationError(`${what} is ${value.length} characters; the limit is ${LIMITS.nameLength}`);
  }
}

/** Descriptions, titles and the like: any length up to the limit; absent is fine. */
function checkText(what: string, value: string | undefined): void {
  if (value !== undefined && value.length > LIMITS.descriptionLength) {
    throw new RegistrationError(`${what} is ${value.length} characters; the limit is ${LIMITS.descriptionLength}`);
  }
}

/** The JSON value in `bytes`, refused over `limit` bytes or when it is not UTF-8 JSON. */
function jsonWithin(bytes: Uint8Array, what: string, limit: number): unknown {
  if (bytes.length > limit) throw new RegistrationError(`${what} is ${bytes.length} bytes; the limit is ${limit}`);
  try {
    return parseJsonBytes(bytes, what);
  } catch (e) {
    throw new RegistrationError((e as Error).message);
  }
}

function parseSchema(bytes: Uint8Array, what: string): Record<string, unknown> {
  const value = jsonWithin(bytes, what, LIMITS.schemaBytes);
  if (!isJsonObject(value)) throw new RegistrationError(`${what} must be a JSON object`);
  const problem = schemaProblem(value);
  if (problem) throw new RegistrationError(`${what} is not a valid JSON Schema: ${problem}`);
  return value;
}

/** Adds all of `items` or none: a duplicate (in the batch or already registered) rejects the batch. */
function addUnique<T>(map: Map<string, T>, items: T[], key: (item: T) => string, what: string): void {
  const batch = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (map.has(k) || batch.has(k)) throw new RegistrationError(`duplicate ${what} "${k}"`);
    batch.add(k);
  }
  if (map.size + items.length > LIMITS.entries) {
    throw new RegistrationError(`more than ${LIMITS.entries} ${what}s`);
  }
  for (const item of items) map.set(key(item), item);
}

const iconKey = (target: WitIconTarget, name: string) => `${target}\u0000${name}`;
