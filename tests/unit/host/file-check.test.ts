/** Huge, truncated and non-wasm files are each named for what they are. */
import { describe, expect, it } from 'vitest';
import { checkBytes, checkSections, checkSize, MAX_COMPONENT_BYTES } from '../../../src/host/file-check.js';

const PREAMBLE = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];
const component = (...sections: number[][]) => new Uint8Array([...PREAMBLE, ...sections.flat()]);

describe('file checks', () => {
  it('refuses a size over the limit, and only then', () => {
    expect(() => checkSize(MAX_COMPONENT_BYTES)).not.toThrow();
    expect(() => checkSize(150 * 2 ** 20)).toThrow(
      expect.objectContaining({ code: 'TOO_LARGE', message: 'the file is 150.0 MiB (157286400 bytes); components of up to 100 MiB can be loaded' }),
    );
  });

  it('accepts whole sections, a multi-byte size included', () => {
    const big = [0x00, 0x80, 0x01, ...new Array(128).fill(0)]; // a custom section of 128 bytes
    expect(() => checkSections(component([0x00, 0x02, 0x01, 0x61], big))).not.toThrow();
    expect(() => checkSections(component())).not.toThrow();
  });

  it('finds a file cut inside a section or inside a section header', () => {
    expect(() => checkSections(component([0x01, 0x05, 0x00, 0x00]))).toThrow(
      expect.objectContaining({
        code: 'TRUNCATED',
        message: 'the file is truncated: a section declares 5 bytes but only 2 follow (section at byte 8, file of 12 bytes); is the download or copy complete?',
      }),
    );
    expect(() => checkSections(component([0x01, 0x80]))).toThrow(/it ends inside a section header/);
  });

  it('checks the header after the size and before the sections', () => {
    expect(() => checkBytes(new TextEncoder().encode('hello, world'))).toThrow(expect.objectContaining({ code: 'NOT_WASM' }));
    expect(() => checkBytes(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]))).toThrow(
      expect.objectContaining({ code: 'NOT_A_COMPONENT' }),
    );
  });
});
