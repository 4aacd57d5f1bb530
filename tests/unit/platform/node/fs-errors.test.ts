import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { wasiCall, wasiErrorCode } from '../../../../src/platform/node/fs-errors.js';

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('wasiErrorCode', () => {
  test.each([
    ['ENOENT', 'no-entry'],
    ['EEXIST', 'exist'],
    ['EACCES', 'access'],
    ['EPERM', 'not-permitted'],
    ['ENOTDIR', 'not-directory'],
    ['EISDIR', 'is-directory'],
    ['ENOTEMPTY', 'not-empty'],
    ['ELOOP', 'loop'],
    ['EROFS', 'read-only'],
    ['EXDEV', 'cross-device'],
    ['ENOSPC', 'insufficient-space'],
    ['EINVAL', 'invalid'],
  ])('%s is %s', (code, wasi) => {
    expect(wasiErrorCode(errno(code))).toBe(wasi);
  });

  test('an errno without a WASI name is io; a Node argument error is invalid', () => {
    expect(wasiErrorCode(errno('ESTALE'))).toBe('io');
    expect(wasiErrorCode(errno('ERR_INVALID_ARG_VALUE'))).toBe('invalid');
  });

  test('a WASI code thrown by a descriptor passes through', () => {
    expect(wasiErrorCode('not-permitted')).toBe('not-permitted');
  });

  test('an error without a code is a bug, not a filesystem error: it is rethrown', () => {
    const bug = new TypeError('x is undefined');
    expect(() => wasiErrorCode(bug)).toThrow(bug);
  });

  test('wasiCall turns a real node:fs failure into the code the guest receives', () => {
    let thrown: unknown;
    try {
      wasiCall(() => readFileSync('/definitely/not/here'));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBe('no-entry');
  });
});
