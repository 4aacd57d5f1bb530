/**
 * The directories a component sees, from two sources: the in-memory trees of
 * its grants (browser uploads, serializable across the worker boundary) and
 * directories the platform mounts itself (Node: real host directories, which
 * only the worker that owns them can open). The shim's `createFilesystem`
 * takes a single adapter, so one adapter here dispatches each preopen to the
 * adapter that made it.
 */
import type { FileTree } from './wasi.js';

/** The shim's `BrowserFilesystemAdapter`: hands out the root descriptor of a capability. */
export interface FilesystemAdapter<Capability = unknown> {
  getRoot(capability: Capability): unknown;
  dispose?(): void;
}

/** A directory a platform provides, by the adapter that serves it and what that adapter needs to open it. */
export interface Mount<Capability = unknown> {
  adapter: FilesystemAdapter<Capability>;
  capability: Capability;
}

/** Preopens for `createFilesystem`: every capability is a Mount, so one adapter serves all. */
export interface ComposedPreopens {
  adapter: FilesystemAdapter<Mount>;
  preopens: Record<string, Mount>;
}

/**
 * In-memory trees first, then the platform's mounts; a mount wins a guest
 * path both name (the CLI, the only source of mounts, never sends trees).
 * Each tree is cloned: what one instance writes, a restart forgets.
 */
export function composePreopens(
  trees: Record<string, FileTree>,
  inMemory: FilesystemAdapter,
  mounts: Record<string, Mount>,
): ComposedPreopens {
  const preopens: Record<string, Mount> = {};
  for (const [guest, tree] of Object.entries(trees)) preopens[guest] = { adapter: inMemory, capability: structuredClone(tree) };
  Object.assign(preopens, mounts);
  const adapters = new Set(Object.values(preopens).map((m) => m.adapter));
  return {
    adapter: {
      getRoot: (mount) => mount.adapter.getRoot(mount.capability),
      dispose: () => adapters.forEach((a) => a.dispose?.()),
    },
    preopens,
  };
}
