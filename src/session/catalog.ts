/**
 * What a server offers: its tools, resources, templates and prompts. A failed
 * reload keeps the last good list and shows the error above it.
 */
import type { Prompt, Resource, ResourceTemplateType, Tool } from '@modelcontextprotocol/client';
import { Store } from './store.js';

export interface Listing<T> {
  items: readonly T[];
  /** False until the first successful load (or when the server lacks the capability). */
  loaded: boolean;
  loading: boolean;
  error?: string;
  /** The server does not offer this kind at all. */
  unsupported?: boolean;
}

export interface Catalog {
  tools: Listing<Tool>;
  resources: Listing<Resource>;
  templates: Listing<ResourceTemplateType>;
  prompts: Listing<Prompt>;
}

export type CatalogKind = keyof Catalog;

const empty = { items: [], loaded: false, loading: false };

export class CatalogStore extends Store<Catalog> {
  constructor() {
    super({ tools: empty, resources: empty, templates: empty, prompts: empty });
  }

  #patch<K extends CatalogKind>(kind: K, change: (l: Catalog[K]) => Catalog[K]): void {
    this.update((c) => ({ ...c, [kind]: change(c[kind]) }));
  }

  begin(kind: CatalogKind): void {
    this.#patch(kind, (l) => ({ ...l, loading: true }));
  }

  unsupported(kind: CatalogKind): void {
    this.#patch(kind, () => ({ ...empty, unsupported: true }));
  }

  succeed<K extends CatalogKind>(kind: K, items: Catalog[K]['items']): void {
    this.#patch(kind, () => ({ items, loaded: true, loading: false }) as Catalog[K]);
  }

  fail(kind: CatalogKind, error: string): void {
    this.#patch(kind, (l) => ({ ...l, loading: false, error }));
  }
}
