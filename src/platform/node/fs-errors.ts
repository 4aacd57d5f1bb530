/**
 * Node's errno codes as wasi:filesystem error codes. The shim's filesystem
 * passes whatever a descriptor throws to the guest as the `err` of the call,
 * so a descriptor must throw the WASI code (a string), never a Node Error:
 * that would trap the component.
 */
import type { ErrorCode } from '@bytecodealliance/preview2-shim/interfaces/wasi-filesystem-types';

const BY_ERRNO: Record<string, ErrorCode> = {
  EACCES: 'access',
  EAGAIN: 'would-block',
  EWOULDBLOCK: 'would-block',
  EALREADY: 'already',
  EBADF: 'bad-descriptor',
  EBUSY: 'busy',
  EDEADLK: 'deadlock',
  EDQUOT: 'quota',
  EEXIST: 'exist',
  EFBIG: 'file-too-large',
  EILSEQ: 'illegal-byte-sequence',
  EINPROGRESS: 'in-progress',
  EINTR: 'interrupted',
  EINVAL: 'invalid',
  EIO: 'io',
  EISDIR: 'is-directory',
  ELOOP: 'loop',
  EMLINK: 'too-many-links',
  EMSGSIZE: 'message-size',
  ENAMETOOLONG: 'name-too-long',
  ENODEV: 'no-device',
  ENOENT: 'no-entry',
  ENOLCK: 'no-lock',
  ENOMEM: 'insufficient-memory',
  ENOSPC: 'insufficient-space',
  ENOTDIR: 'not-directory',
  ENOTEMPTY: 'not-empty',
  ENOTRECOVERABLE: 'not-recoverable',
  ENOTSUP: 'unsupported',
  EOPNOTSUPP: 'unsupported',
  ENOTTY: 'no-tty',
  ENXIO: 'no-such-device',
  EOVERFLOW: 'overflow',
  EPERM: 'not-permitted',
  EPIPE: 'pipe',
  EROFS: 'read-only',
  ESPIPE: 'invalid-seek',
  ETXTBSY: 'text-file-busy',
  EXDEV: 'cross-device',
};

/** A WASI code the descriptor threw itself, kept as is. */
function isErrorCode(e: unknown): e is ErrorCode {
  return typeof e === 'string';
}

/**
 * The WASI code for what a filesystem call threw. An errno we have no name
 * for is `io`; anything without a code is a bug of ours and is rethrown, so
 * it traps loudly instead of posing as a filesystem error.
 */
export function wasiErrorCode(e: unknown): ErrorCode {
  if (isErrorCode(e)) return e;
  const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
  if (typeof code !== 'string') throw e;
  // Node's own argument checks (a NUL byte in a name, an offset out of range) are the guest's bad input.
  if (code.startsWith('ERR_')) return 'invalid';
  return BY_ERRNO[code] ?? 'io';
}

/** Runs a filesystem call, turning what it throws into the WASI code the guest receives. */
export function wasiCall<T>(call: () => T): T {
  try {
    return call();
  } catch (e) {
    throw wasiErrorCode(e);
  }
}
