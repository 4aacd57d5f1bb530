/**
 * The flags that open the sandbox (deny by default): environment
 * variables, host directories, HTTP origins, and the memory limit. Each
 * parser turns one flag value into what the worker protocol wants, or fails
 * with a usage error that says what was expected.
 */
import { isAbsolute, posix, resolve } from 'node:path';
import { ENV_NAME, grantableOrigin } from '../host/grant-values.js';
import { usageError } from './exit-codes.js';

/** A host directory, the path the component sees it at, and whether the component may change it. */
export interface DirFlag {
  host: string;
  guest: string;
  readOnly: boolean;
}

const READ_ONLY = ':ro';

/** wasm32 memories end at 4 GiB: a larger limit would mean no limit. */
const MAX_MEMORY_MIB = 4096;

export function parseEnv(pairs: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? '' : pair.slice(0, eq);
    if (!ENV_NAME.test(key)) throw usageError(`--env wants KEY=VALUE, got ${pair}`);
    env[key] = pair.slice(eq + 1);
  }
  return env;
}

/**
 * `<host-path>[:<guest-path>][:ro]`. The guest path is absolute; without one
 * the component sees the directory at its absolute host path (as wasmtime's
 * --dir does). A colon followed by something that is not an absolute path
 * belongs to the host path, except a final `:ro`, which makes the directory
 * read-only (a host directory whose name ends in `:ro` is written with a
 * trailing slash: `dir:ro/`).
 */
export function parseDir(flag: string): DirFlag {
  const readOnly = flag.endsWith(READ_ONLY);
  const spec = readOnly ? flag.slice(0, -READ_ONLY.length) : flag;
  const colon = spec.lastIndexOf(':');
  const split = colon >= 0 && spec[colon + 1] === '/';
  const hostText = split ? spec.slice(0, colon) : spec;
  if (hostText === '') throw usageError(`--dir wants <host-path>[:<guest-path>][:ro], got ${flag}`);
  const host = resolve(hostText);
  const guestText = split ? spec.slice(colon + 1) : host;
  if (!isAbsolute(guestText) || guestText.includes('\\')) throw usageError(`--dir wants an absolute guest path, got ${guestText}`);
  const guest = posix.normalize(guestText).replace(/(.)\/+$/, '$1');
  return { host, guest, readOnly };
}

export function parseDirs(specs: string[]): DirFlag[] {
  const dirs = specs.map(parseDir);
  const seen = new Set<string>();
  for (const { guest } of dirs) {
    if (seen.has(guest)) throw usageError(`--dir: two directories at the guest path ${guest}`);
    seen.add(guest);
  }
  return dirs;
}

/** `*`, or an http(s) origin such as `https://api.example.com` or `http://127.0.0.1:8080`. */
export function parseOrigin(text: string): string {
  const origin = grantableOrigin(text);
  if (origin === undefined) {
    throw usageError(`--allow-http wants an origin like https://example.com or http://127.0.0.1:8080, or *; got ${text}`);
  }
  return origin;
}

/** Whole MiB, 1 to 4096, as bytes. */
export function parseMemory(text: string): number {
  const mib = Number(text);
  if (!/^\d+$/.test(text) || mib < 1 || mib > MAX_MEMORY_MIB) {
    throw usageError(`--memory wants whole MiB from 1 to ${MAX_MEMORY_MIB}, got ${text}`);
  }
  return mib * 2 ** 20;
}
