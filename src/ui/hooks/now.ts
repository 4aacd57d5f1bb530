import { useEffect, useState } from 'react';

/** The time, re-read every `intervalMs` while `active` (for live elapsed times). */
export function useNow(active: boolean, intervalMs = 100): number {
  const [now, setNow] = useState(() => performance.timeOrigin + performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(performance.timeOrigin + performance.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
