import { describe, expect, test } from 'vitest';
import { composePreopens, type FilesystemAdapter } from '../../../src/host/preopens.js';
import type { FileTree } from '../../../src/host/wasi.js';

/** An adapter that says which adapter served which capability. */
function tagging(name: string, disposed: string[]): FilesystemAdapter {
  return { getRoot: (capability) => ({ from: name, capability }), dispose: () => disposed.push(name) };
}

describe('composePreopens', () => {
  test('one adapter for createFilesystem that sends each preopen to the adapter that made it', () => {
    const disposed: string[] = [];
    const tree: FileTree = { dir: { 'a.txt': { source: 'a' } } };
    const { adapter, preopens } = composePreopens({ '/data': tree }, tagging('memory', disposed), {
      '/host': { adapter: tagging('host', disposed), capability: 'the host dir' },
    });
    expect(Object.keys(preopens)).toEqual(['/data', '/host']);
    expect(adapter.getRoot(preopens['/host']!)).toEqual({ from: 'host', capability: 'the host dir' });
    expect(adapter.getRoot(preopens['/data']!)).toEqual({ from: 'memory', capability: tree });
    adapter.dispose?.();
    expect(disposed.sort()).toEqual(['host', 'memory']);
  });

  test('each composition gets its own copy of a tree: what one instance writes, the next does not see', () => {
    const tree: FileTree = { dir: {} };
    const first = composePreopens({ '/data': tree }, tagging('memory', []), {}).preopens['/data']!.capability as FileTree;
    first.dir['written.txt'] = { source: 'x' };
    const second = composePreopens({ '/data': tree }, tagging('memory', []), {}).preopens['/data']!.capability as FileTree;
    expect(second).toEqual({ dir: {} });
    expect(tree).toEqual({ dir: {} });
  });
});
