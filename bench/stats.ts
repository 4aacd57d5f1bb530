/** Latency statistics for the benchmarks. */
export interface LatencyStats {
  calls: number;
  p50Ms: number;
  p99Ms: number;
  callsPerSecond: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function summarize(latencies: number[], totalMs: number): LatencyStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    calls: latencies.length,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    callsPerSecond: Math.round((latencies.length / totalMs) * 1000),
  };
}

export const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

export const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
