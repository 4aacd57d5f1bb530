/** JUnit XML: counts, one testcase per call, failures with every reason, and escaping of anything a server sends. */
import { describe, expect, test } from 'vitest';
import { escapeXml, junitXml } from '../../../src/collections/junit.js';
import type { CollectionRun } from '../../../src/collections/run.js';

const run: CollectionRun = {
  name: 'a & b',
  passed: false,
  durationMs: 1234,
  results: [
    { name: 'ok', passed: true, failures: [], answer: { kind: 'result', result: {} }, durationMs: 5 },
    {
      name: '<bad> "call"',
      passed: false,
      failures: ['/text: expected "<b>", got "\u0001x"', "took 20 ms, over the 10 ms budget's"],
      answer: { kind: 'result', result: {} },
      durationMs: 20,
    },
  ],
};

describe('junitXml', () => {
  test('one suite, one testcase per call, a failure carrying every reason', () => {
    const xml = junitXml([run]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="2" failures="1" errors="0" time="1.234">')).toBe(true);
    expect(xml).toContain('<testsuite name="a &amp; b" tests="2" failures="1" errors="0" skipped="0" time="1.234">');
    expect(xml).toContain('<testcase name="ok" classname="a &amp; b" time="0.005"/>');
    expect(xml).toContain('<testcase name="&lt;bad&gt; &quot;call&quot;" classname="a &amp; b" time="0.020">');
    const reasons = '/text: expected &quot;&lt;b&gt;&quot;, got &quot;\uFFFDx&quot;';
    const budget = 'took 20 ms, over the 10 ms budget&apos;s';
    expect(xml).toContain(`<failure message="${reasons}; ${budget}" type="expectation">${reasons}&#10;${budget}</failure>`);
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml.trimEnd().endsWith('</testsuites>')).toBe(true);
  });

  test('escapeXml leaves no markup, no characters XML 1.0 forbids, and keeps emoji', () => {
    expect(escapeXml(`<a href='x'>&"</a>`)).toBe('&lt;a href=&apos;x&apos;&gt;&amp;&quot;&lt;/a&gt;');
    expect(escapeXml('\u0000\u0008\u000B\uFFFE\uD800x')).toBe('\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDx');
    expect(escapeXml('a\tb\r\nc 🌍')).toBe('a&#9;b&#13;&#10;c 🌍');
  });
});
