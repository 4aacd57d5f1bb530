/**
 * A collection run as JUnit XML, the report format CI systems read: one
 * <testsuite> per collection, one <testcase> per call, a <failure> carrying
 * the reasons of each call that failed.
 */
import type { CollectionRun } from './run.js';

/** Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe in element content and in double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Attribute values would have their line breaks normalised to spaces; keep them.
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function junitXml(runs: CollectionRun[]): string {
  const tests = runs.reduce((n, r) => n + r.results.length, 0);
  const failures = runs.reduce((n, r) => n + r.results.filter((c) => !c.passed).length, 0);
  const time = runs.reduce((t, r) => t + r.durationMs, 0);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites tests="${tests}" failures="${failures}" errors="0" time="${seconds(time)}">`];
  for (const run of runs) {
    const failed = run.results.filter((c) => !c.passed).length;
    const suite = escapeXml(run.name);
    lines.push(`  <testsuite name="${suite}" tests="${run.results.length}" failures="${failed}" errors="0" skipped="0" time="${seconds(run.durationMs)}">`);
    for (const call of run.results) {
      const open = `    <testcase name="${escapeXml(call.name)}" classname="${suite}" time="${seconds(call.durationMs)}"`;
      if (call.passed) {
        lines.push(`${open}/>`);
        continue;
      }
      const message = escapeXml(call.failures.join('; '));
      lines.push(`${open}>`, `      <failure message="${message}" type="expectation">${escapeXml(call.failures.join('\n'))}</failure>`, '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
