/**
 * The roots the page offers one server: a list the person edits, which answers
 * the server's roots/list requests (2025-11-25) and the roots questions of an
 * input_required round (2026-07-28, which the SDK Client answers through the
 * same handler). A change is announced with notifications/roots/list_changed
 * on a 2025 session; a 2026-07-28 server has no session to tell and asks again.
 */
import type { Client, Root } from '@modelcontextprotocol/client';
import { ValueStore } from './store.js';

/** Why a root cannot be offered, or undefined: MCP roots are `file://` URIs. */
export function rootProblem(root: Root): string | undefined {
  if (!root.uri.startsWith('file://')) return 'a root must be a file:// URI';
  try {
    new URL(root.uri);
  } catch {
    return 'not a valid URI';
  }
  return undefined;
}

export class RootsStore extends ValueStore<readonly Root[]> {
  constructor(initial: readonly Root[] = []) {
    super(initial);
  }
}

/** Answers roots/list from `store`, and tells a 2025 server when the person changes the list. */
export function answerRoots(client: Client, store: RootsStore): void {
  client.setRequestHandler('roots/list', () => ({ roots: store.value.map((r) => ({ ...r })) }));
  store.subscribe(() => {
    if (client.transport && client.getProtocolEra() === 'legacy') void client.sendRootsListChanged().catch(() => {});
  });
}
