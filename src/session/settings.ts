/**
 * Settings kept in localStorage, versioned: what is read back is parsed, and
 * an older version is migrated (or the defaults are used) instead of trusted.
 */
import * as z from 'zod/v4';
import { DEADLINE_RANGE_MS } from './sandbox-draft.js';
import { Store } from './store.js';

const KEY = 'wasi-mcp-playground:settings';

const SettingsV1 = z.object({
  version: z.literal(1),
  theme: z.enum(['light', 'dark']),
  /** Deadline of one request before the component is stopped and restarted. */
  deadlineMs: z.number().int().min(DEADLINE_RANGE_MS.min).max(DEADLINE_RANGE_MS.max),
});
export type Settings = z.infer<typeof SettingsV1>;
export type Theme = Settings['theme'];

export const DEFAULT_SETTINGS: Settings = { version: 1, theme: 'light', deadlineMs: 10_000 };

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function parseSettings(text: string | null, prefersDark = false): Settings {
  const fallback: Settings = { ...DEFAULT_SETTINGS, theme: prefersDark ? 'dark' : 'light' };
  if (text === null) return fallback;
  try {
    const parsed = SettingsV1.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export class SettingsStore extends Store<Settings> {
  readonly #storage: KeyValueStorage | undefined;

  constructor(storage: KeyValueStorage | undefined, prefersDark: boolean) {
    super(parseSettings(storage?.getItem(KEY) ?? null, prefersDark));
    this.#storage = storage;
  }

  change(patch: Partial<Omit<Settings, 'version'>>): void {
    const next = SettingsV1.safeParse({ ...this.value, ...patch });
    if (!next.success) return;
    this.set(next.data);
    try {
      this.#storage?.setItem(KEY, JSON.stringify(next.data));
    } catch {
      // Storage can be full or disabled; the setting still applies to this page.
    }
  }
}
