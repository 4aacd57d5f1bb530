/**
 * The Sandbox view's form as text, and its reading back into a SandboxConfig.
 * What a person typed is checked here, line by line, so that a mistake is
 * named ("line 2: ...") instead of silently granting something else.
 */
import { ENV_NAME, grantableOrigin } from '../host/grant-values.js';
import type { SandboxConfig, SandboxFile } from './sandbox.js';

export interface SandboxDraft {
  /** `NAME=value`, one per line. */
  envText: string;
  dirPath: string;
  files: readonly SandboxFile[];
  /** One origin per line, or `*`. */
  originsText: string;
  deadlineMs: string;
  memoryLimitMiB: string;
}

export type DraftReading = { config: SandboxConfig; errors?: undefined } | { config?: undefined; errors: string[] };

export const DEADLINE_RANGE_MS = { min: 500, max: 600_000 } as const;
/** Below a few MiB no component starts; wasm32 cannot address more than 4 GiB. */
export const MEMORY_RANGE_MIB = { min: 16, max: 4096 } as const;
/** The directory is copied into every worker and again into every instance: keep it to what a tab can afford. */
export const MAX_DIRECTORY_BYTES = 64 * 2 ** 20;

export function toDraft(config: SandboxConfig): SandboxDraft {
  return {
    envText: Object.entries(config.env)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
    dirPath: config.dirPath,
    files: config.files,
    originsText: config.httpOrigins.join('\n'),
    deadlineMs: String(config.deadlineMs),
    memoryLimitMiB: String(config.memoryLimitMiB),
  };
}

/** Non-empty lines with their 1-based numbers; `#` starts a comment line. */
function lines(text: string): [number, string][] {
  return text
    .split('\n')
    .map((l, i): [number, string] => [i + 1, l.trim()])
    .filter(([, l]) => l !== '' && !l.startsWith('#'));
}

export function parseEnv(text: string, errors: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [n, line] of lines(text)) {
    const eq = line.indexOf('=');
    const name = eq < 0 ? line : line.slice(0, eq);
    if (eq < 0 || !ENV_NAME.test(name)) errors.push(`Environment line ${n}: "${line}" is not NAME=value`);
    else env[name] = line.slice(eq + 1);
  }
  return env;
}

export function parseOrigins(text: string, errors: string[]): string[] {
  const origins: string[] = [];
  for (const [n, line] of lines(text)) {
    const origin = grantableOrigin(line);
    if (origin === undefined) {
      errors.push(`HTTP origin line ${n}: "${line}" is not an origin like https://example.com or http://127.0.0.1:8080`);
    } else if (!origins.includes(origin)) {
      origins.push(origin);
    }
  }
  return origins;
}

export function parseGuestPath(text: string, errors: string[]): string {
  const trimmed = text.trim();
  const path = trimmed.length > 1 ? trimmed.replace(/\/+$/, '') : trimmed;
  if (!path.startsWith('/') || path.split('/').some((part) => part === '.' || part === '..')) {
    errors.push(`Directory: "${text}" is not an absolute guest path like /data`);
  }
  return path;
}

function parseInteger(text: string, label: string, range: { min: number; max: number }, errors: string[]): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    errors.push(`${label}: give a whole number from ${range.min} to ${range.max}`);
  }
  return value;
}

function checkFiles(files: readonly SandboxFile[], errors: string[]): readonly SandboxFile[] {
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (total > MAX_DIRECTORY_BYTES) {
    errors.push(`Directory: the files come to ${(total / 2 ** 20).toFixed(1)} MiB; at most ${MAX_DIRECTORY_BYTES / 2 ** 20} MiB`);
  }
  return files;
}

export function readDraft(draft: SandboxDraft): DraftReading {
  const errors: string[] = [];
  const config: SandboxConfig = {
    env: parseEnv(draft.envText, errors),
    dirPath: parseGuestPath(draft.dirPath, errors),
    files: checkFiles(draft.files, errors),
    httpOrigins: parseOrigins(draft.originsText, errors),
    deadlineMs: parseInteger(draft.deadlineMs, 'Deadline per call', DEADLINE_RANGE_MS, errors),
    memoryLimitMiB: parseInteger(draft.memoryLimitMiB, 'Memory limit', MEMORY_RANGE_MIB, errors),
  };
  return errors.length > 0 ? { errors } : { config };
}
