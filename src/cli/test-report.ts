/** A collection run as text: one line per call, the reasons of a failed call under it, a count at the end. */
import type { CollectionRun } from '../collections/run.js';

export function runText(run: CollectionRun): string {
  const width = Math.max(...run.results.map((r) => r.name.length));
  const lines = [`${run.name}: ${run.results.length} calls`];
  for (const result of run.results) {
    lines.push(`  ${result.passed ? 'pass' : 'FAIL'}  ${result.name.padEnd(width)}  ${Math.round(result.durationMs)} ms`);
    for (const reason of result.failures) lines.push(`          ${reason}`);
  }
  const failed = run.results.filter((r) => !r.passed).length;
  lines.push(failed === 0 ? `all ${run.results.length} passed` : `${failed} of ${run.results.length} failed`);
  return `${lines.join('\n')}\n`;
}
