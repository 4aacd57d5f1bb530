/**
 * Where the request lifecycle gets its timers: the system's by default, a
 * hand-driven one in tests, so that deadlines, grace periods and restarts
 * are tested without waiting for real time to pass.
 */
export type TimerHandle = unknown;

export interface Clock {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout> | undefined),
};
