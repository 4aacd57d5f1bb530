// The roots the person may offer a server: file:// URIs only.
import { expect, it } from 'vitest';
import { rootProblem } from '../../../src/session/roots.js';

it('takes file:// URIs, with or without a name', () => {
  expect(rootProblem({ uri: 'file:///home/ada/project', name: 'project' })).toBeUndefined();
  expect(rootProblem({ uri: 'file:///tmp' })).toBeUndefined();
});

it('refuses other schemes and paths', () => {
  expect(rootProblem({ uri: '/home/ada' })).toBe('a root must be a file:// URI');
  expect(rootProblem({ uri: 'https://example.com/' })).toBe('a root must be a file:// URI');
});
