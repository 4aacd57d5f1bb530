/** Everything a server registered, as its list calls return it (every page of each). */
import type { Prompt, Resource, ResourceTemplateType, Tool } from '@modelcontextprotocol/client';
import type { Peer, ServerFacts } from './peer.js';

export interface Registration extends ServerFacts {
  tools: Tool[];
  resources: Resource[];
  resourceTemplates: ResourceTemplateType[];
  prompts: Prompt[];
}

/** Stops a server that hands out cursors forever. */
const MAX_PAGES = 100;

/** Every item of a paginated list call. */
export async function listAll<T>(peer: Peer, method: string, key: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await peer.request(cursor === undefined ? { method } : { method, params: { cursor } });
    const list = result[key];
    if (!Array.isArray(list)) throw new Error(`${method} answered without a ${key} list`);
    items.push(...(list as T[]));
    if (typeof result.nextCursor !== 'string') return items;
    cursor = result.nextCursor;
  }
  throw new Error(`${method} still had more pages after ${MAX_PAGES}`);
}

export async function readRegistration(peer: Peer): Promise<Registration> {
  const server = peer.server();
  const { tools, resources, prompts } = server.capabilities;
  return {
    ...server,
    tools: tools ? await listAll<Tool>(peer, 'tools/list', 'tools') : [],
    resources: resources ? await listAll<Resource>(peer, 'resources/list', 'resources') : [],
    resourceTemplates: resources ? await listAll<ResourceTemplateType>(peer, 'resources/templates/list', 'resourceTemplates') : [],
    prompts: prompts ? await listAll<Prompt>(peer, 'prompts/list', 'prompts') : [],
  };
}
