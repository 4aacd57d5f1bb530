/** Jco's sync mode only for a component that cannot import a function that must suspend. */
import { describe, expect, it } from 'vitest';
import { mayImportAny } from '../../../src/host/imported-names.js';
import { exampleBytes } from '../../helpers/examples.js';

const SUSPENDING = ['wasi:mcp/runtime@0.1.0#request-sampling', 'wasi:io/poll#poll'];
const COMPONENT_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];
const name = (text: string) => [text.length, ...new TextEncoder().encode(text)];
const section = (id: number, payload: number[]) => [id, payload.length, ...payload];
const component = (...sections: number[][]) => new Uint8Array([...COMPONENT_HEADER, ...sections.flat()]);

describe('mayImportAny', () => {
  it('is false when no section outside the core modules names one of the functions', () => {
    const bytes = component(section(7, [0x00, ...name('register-tools')]), section(1, [...name('request-sampling')]), section(0, name('poll')));
    expect(mayImportAny(bytes, SUSPENDING)).toBe(false);
  });

  it('is true when a type, import or alias section names one, in a nested component too', () => {
    expect(mayImportAny(component(section(7, [0x00, ...name('request-sampling')])), SUSPENDING)).toBe(true);
    const inner = [...COMPONENT_HEADER, ...section(6, [0x01, 0x00, 0x00, ...name('poll')])];
    expect(mayImportAny(component(section(4, inner)), SUSPENDING)).toBe(true);
  });

  it('is true for bytes it cannot walk', () => {
    expect(mayImportAny(new Uint8Array([...COMPONENT_HEADER, 7, 0x80]), SUSPENDING)).toBe(true);
  });

  it('keeps JSPI for the examples, whose toolchains import every runtime function', () => {
    for (const example of ['echo', 'echo-js', 'everything']) expect(mayImportAny(exampleBytes(example), SUSPENDING)).toBe(true);
  });
});
