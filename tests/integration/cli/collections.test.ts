/** `wasi-mcp test` and `wasi-mcp diff` on the example components, with the shipped collection. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { examplePath } from '../../helpers/examples.js';
import { ROOT, runCli } from '../../helpers/cli.js';

const COLLECTION = join(ROOT, 'examples/collections/everything.collection.json');
const scratch = mkdtempSync(join(tmpdir(), 'wasi-mcp-collections-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const testcases = (xml: string) => [...xml.matchAll(/<testcase name="([^"]*)"/g)].map((m) => m[1]);

describe('wasi-mcp test', () => {
  test('everything passes the shipped collection: exit 0, a line per call, JUnit XML with a testcase per call', async () => {
    const junit = join(scratch, 'everything.xml');
    const result = await runCli(['test', COLLECTION, examplePath('everything'), '--junit', junit]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const calls = (JSON.parse(readFileSync(COLLECTION, 'utf8')) as { calls: unknown[] }).calls.length;
    expect(result.stdout.match(/^ {2}pass {2}/gm)).toHaveLength(calls);
    expect(result.stdout).toContain(`all ${calls} passed`);
    const xml = readFileSync(junit, 'utf8');
    expect(testcases(xml).length).toBeGreaterThanOrEqual(5);
    expect(testcases(xml)).toHaveLength(calls);
    expect(xml).toContain('<testsuite name="everything"');
    expect(xml).not.toContain('<failure');
  });

  test('echo fails it: exit 1, reasons under each failed call, <failure> elements in the JUnit XML', async () => {
    const junit = join(scratch, 'echo.xml');
    const result = await runCli(['test', COLLECTION, examplePath('echo'), '--junit', junit]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^ {2}FAIL {2}add two numbers .*\n {10}expected a result, got error -32602: Unknown tool: add$/m);
    expect(result.stdout).toMatch(/^ {2}pass {2}ping as a raw request/m);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<failure message="expected a result, got error -32602: Unknown tool: add"');
    expect(xml).toMatch(/<testsuite name="everything" tests="\d+" failures="[1-9]\d*"/);
  });

  test('a malformed collection: exit 2 and one line naming each problem, before any component is loaded', async () => {
    const bad = join(scratch, 'bad.collection.json');
    writeFileSync(bad, JSON.stringify({ version: 1, name: 'x', calls: [{ name: 'a', request: { kind: 'tool' }, expect: { maxMs: 0 } }] }));
    const result = await runCli(['test', bad, examplePath('everything')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^wasi-mcp: error BAD_COLLECTION: .*bad\.collection\.json is not a valid collection: calls\[0\]\.request\.name: .*; calls\[0\]\.expect\.maxMs: /m);
    expect(result.stderr).not.toContain('[component');
    const missing = await runCli(['test', join(scratch, 'none.json'), examplePath('everything')]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('error FILE_NOT_FOUND: ')]);
  });
});

describe('wasi-mcp diff', () => {
  test('echo against everything: exit 1, the added tools named, and with the collection the calls whose answers differ', async () => {
    const result = await runCli(['diff', examplePath('echo'), examplePath('everything'), '--collection', COLLECTION]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^ {2}tools added: add, image, .*utf8$/m);
    expect(result.stdout).toMatch(/^ {2}tools removed: echo$/m);
    expect(result.stdout).toMatch(/^ {2}prompts added: greet, summarize$/m);
    expect(result.stdout).toMatch(/^ {2}server changed: .*info at .*\/name/m);
    expect(result.stdout).toMatch(/^answers differ for 9 of 10 calls:$/m);
    expect(result.stdout).toMatch(/^ {2}add two numbers:\n {4}\/error: \{"code":-32602,"message":"Unknown tool: add"\} → \(absent\)$/m);
    expect(result.stdout).toContain('    /result: (absent) → {"content":[{"type":"text","text":"2 + 3 = 5"}],"structuredContent":{"sum":5}}');
    expect(result.stdout).not.toContain('  ping as a raw request:');
  });

  test('a component against itself: exit 0, the same registrations and answers', async () => {
    const result = await runCli(['diff', examplePath('everything'), examplePath('everything'), '--collection', COLLECTION]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^registrations: the same$/m);
    expect(result.stdout).toMatch(/^answers: the same for all 10 calls$/m);
  });
});
