/**
 * A server's memory use against its limit, sampled from
 * the worker every few seconds while this is on screen and the tab visible.
 */
import { useEffect } from 'react';
import type { ServerSession } from '../../../session/server-session.js';
import { bytes } from '../../format.js';
import { useMemorySample, useSandboxConfig } from '../../hooks/stores.js';

/** Often enough to watch a component grow, rare enough to cost nothing (one postMessage round trip). */
const SAMPLE_EVERY_MS = 2_000;

function useMemorySampling(session: ServerSession): void {
  useEffect(() => {
    const sample = () => {
      if (document.visibilityState === 'visible') void session.sampleMemory();
    };
    sample();
    const timer = setInterval(sample, SAMPLE_EVERY_MS);
    return () => clearInterval(timer);
  }, [session]);
}

export function MemoryUse({ session }: { session: ServerSession }) {
  useMemorySampling(session);
  const sample = useMemorySample(session);
  const limitBytes = useSandboxConfig(session).memoryLimitMiB * 2 ** 20;
  const used = sample?.memoryBytes;
  return (
    <span className="memory-use" title="The component's linear memory; the limit applies to each of its memories">
      Memory{' '}
      <meter aria-label="Memory use" min={0} max={limitBytes} value={used ?? 0} high={limitBytes * 0.75} />{' '}
      <span data-testid="memory-use">{used === undefined ? '—' : bytes(used)}</span> of {bytes(limitBytes)}
    </span>
  );
}
