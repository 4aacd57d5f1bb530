/** Fills a CatalogStore from a Client, following pagination, and reloads a list when the server says it changed. */
import type { Client, RequestOptions, ServerCapabilities } from '@modelcontextprotocol/client';
import type { CatalogKind, CatalogStore } from './catalog.js';
import { errorInfo } from './outcome.js';

const LIST_CHANGED: Record<string, CatalogKind[]> = {
  'notifications/tools/list_changed': ['tools'],
  'notifications/resources/list_changed': ['resources', 'templates'],
  'notifications/prompts/list_changed': ['prompts'],
};

/** Guards against a server that pages forever. */
const MAX_PAGES = 100;

async function paged<T>(fetch: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string }>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, nextCursor } = await fetch(cursor);
    all.push(...items);
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return all;
}

export class CatalogLoader {
  readonly #client: Client;
  readonly #store: CatalogStore;
  readonly #options: () => RequestOptions;

  constructor(client: Client, store: CatalogStore, options: () => RequestOptions) {
    this.#client = client;
    this.#store = store;
    this.#options = options;
  }

  async loadAll(capabilities: ServerCapabilities): Promise<void> {
    const kinds: CatalogKind[] = [];
    if (capabilities.tools) kinds.push('tools');
    else this.#store.unsupported('tools');
    if (capabilities.resources) kinds.push('resources', 'templates');
    else {
      this.#store.unsupported('resources');
      this.#store.unsupported('templates');
    }
    if (capabilities.prompts) kinds.push('prompts');
    else this.#store.unsupported('prompts');
    await Promise.all(kinds.map((kind) => this.load(kind)));
  }

  async onListChanged(method: string): Promise<void> {
    await Promise.all((LIST_CHANGED[method] ?? []).map((kind) => this.load(kind)));
  }

  async load(kind: CatalogKind): Promise<void> {
    this.#store.begin(kind);
    const c = this.#client;
    const o = this.#options();
    try {
      switch (kind) {
        case 'tools':
          this.#store.succeed(kind, await paged(async (cursor) => {
            const r = await c.listTools(cursor ? { cursor } : {}, o);
            return { items: r.tools, nextCursor: r.nextCursor };
          }));
          break;
        case 'resources':
          this.#store.succeed(kind, await paged(async (cursor) => {
            const r = await c.listResources(cursor ? { cursor } : {}, o);
            return { items: r.resources, nextCursor: r.nextCursor };
          }));
          break;
        case 'templates':
          this.#store.succeed(kind, await paged(async (cursor) => {
            const r = await c.listResourceTemplates(cursor ? { cursor } : {}, o);
            return { items: r.resourceTemplates, nextCursor: r.nextCursor };
          }));
          break;
        case 'prompts':
          this.#store.succeed(kind, await paged(async (cursor) => {
            const r = await c.listPrompts(cursor ? { cursor } : {}, o);
            return { items: r.prompts, nextCursor: r.nextCursor };
          }));
          break;
      }
    } catch (e) {
      this.#store.fail(kind, errorInfo(e).message);
    }
  }
}
