import { describe, expect, it } from 'vitest';
import { jspiNote, unsupportedNode } from '../../../src/cli/node-support.js';

describe('the Node versions the CLI runs on', () => {
  it('refuses Node 20 and runs on 22 and 24', () => {
    expect(unsupportedNode('20.19.1')).toBe('Node 20.19.1 is not supported; use Node 22 or later');
    expect(unsupportedNode('22.12.0')).toBeUndefined();
    expect(unsupportedNode('24.21.0')).toBeUndefined();
  });

  it('says in one line what a Node without JSPI cannot do, and nothing where it has JSPI', () => {
    const note = jspiNote(false);
    expect(note).toMatch(/has no WebAssembly JSPI \(WebAssembly\.Suspending\): a component's request-sampling and request-elicitation answer "unavailable"/);
    expect(note).not.toContain('\n');
    expect(jspiNote(true)).toBeUndefined();
  });
});
