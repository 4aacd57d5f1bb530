import { describe, expect, it } from 'vitest';
import { HostError, isErrorCode, toWireError } from '../../../src/host/errors.js';
import { WireErrorSchema } from '../../../src/worker/protocol.js';

describe('toWireError, the one normalizer of failures', () => {
  it('keeps the code, message and data of a HostError', () => {
    expect(toWireError(new HostError('TRAPPED', 'it trapped', { stderr: 'x' }))).toEqual({
      code: 'TRAPPED',
      message: 'it trapped',
      data: { stderr: 'x' },
    });
  });

  it('keeps a known code of a plain object, as one that crossed postMessage', () => {
    expect(toWireError({ code: 'CRASH_LOOP', message: 'gave up' }, 'READ_FAILED')).toEqual({ code: 'CRASH_LOOP', message: 'gave up' });
  });

  it('gives anything else the fallback code, and the text of what was thrown', () => {
    expect(toWireError({ code: 'ENOENT', message: 'no such file' })).toEqual({ code: 'INTERNAL', message: 'no such file' });
    expect(toWireError(new Error('boom'), 'INITIALIZE_FAILED')).toEqual({ code: 'INITIALIZE_FAILED', message: 'boom' });
    expect(toWireError('text')).toEqual({ code: 'INTERNAL', message: 'text' });
    expect(toWireError({ code: -32603, message: 'rpc' }, 'READ_FAILED').code).toBe('READ_FAILED');
  });

  it('is a closed list: the control channel refuses a code that is not on it', () => {
    expect(isErrorCode('COPY_LIMIT')).toBe(true);
    expect(isErrorCode('SOMETHING_ELSE')).toBe(false);
    expect(WireErrorSchema.safeParse({ code: 'MEMORY_LIMIT', message: 'm' }).success).toBe(true);
    expect(WireErrorSchema.safeParse({ code: 'SOMETHING_ELSE', message: 'm' }).success).toBe(false);
  });
});
