/**
 * A component that registers garbage. The `garbage` example
 * tries each kind of bad registration and reports what the host answered; the
 * host must refuse every one with a specific error, keep nothing of a refused
 * batch, and go on serving what was valid.
 */
import { describe, expect, it } from 'vitest';
import { ComponentHost, HostError } from '../../src/host/index.js';
import { nodePlatform } from '../../src/platform/node/platform.js';
import { exampleBytes } from '../helpers/examples.js';
import { connect } from '../helpers/in-memory.js';

interface Attempt {
  what: string;
  refused?: string;
  accepted?: true;
}

/** What the host must have said to each attempt (the component's own labels, in its order). */
const EXPECTED: [string, RegExp][] = [
  ['schema that is not JSON', /inputSchema of tool "bad-json" is not valid JSON/],
  ['schema that is not UTF-8', /inputSchema of tool "bad-utf8" is not valid UTF-8/],
  ['schema that is a JSON array', /inputSchema of tool "array-schema" must be a JSON object/],
  ['schema of a type other than object', /inputSchema of tool "string-schema" must have "type": "object"/],
  ['schema with a misspelt type', /inputSchema of tool "misspelt" is not a valid JSON Schema: #\/properties\/n\/type: "nubmer" is not a JSON Schema type/],
  ['schema with a pattern that is not a regular expression', /#\/properties\/s\/pattern: is not a regular expression/],
  ['schema with a $ref to nothing', /inputSchema of tool "dangling-ref" is not a valid JSON Schema: #\/properties\/a\/\$ref: "#\/\$defs\/a" points at nothing/],
  ['output schema that is not an object', /outputSchema of tool "bad-output" must be a JSON object/],
  ['two tools of one name in a batch', /duplicate tool "twin"/],
  ['a tool that is already registered', /duplicate tool "refusals"/],
  ['a tool with an empty name', /tool name is empty/],
  ['a tool with a 300-character name', /tool name is 300 characters; the limit is 256/],
  ['a 100,000-character description', /description of tool "verbose" is 100000 characters; the limit is 65536/],
  ['a schema over 1 MiB', /inputSchema of tool "huge-schema" is \d+ bytes; the limit is 1048576/],
  ['two resources of one URI', /duplicate resource "mem:\/\/a"/],
  ['a prompt with an argument named twice', /prompt "p" declares argument "x" twice/],
  ['a second register-server', /register-server was already called/],
];

describe('a component that registers garbage', () => {
  it('has each bad registration refused with a specific invalid-params error, and serves what was valid', async () => {
    const c = await connect(exampleBytes('garbage'));
    try {
      const result = await c.client.callTool({ name: 'refusals' });
      const { report } = result.structuredContent as { report: Attempt[] };
      expect(report.map((a) => a.what)).toEqual(EXPECTED.map(([what]) => what));
      report.forEach((attempt, i) => {
        expect(attempt.accepted, attempt.what).toBeUndefined();
        expect(attempt.refused, attempt.what).toMatch(/^invalid-params: /);
        expect(attempt.refused, attempt.what).toMatch(EXPECTED[i][1]);
      });
      // Nothing of a refused batch was kept: the one valid tool, no resources, no prompts.
      expect((await c.client.listTools()).tools.map((t) => t.name)).toEqual(['refusals']);
      expect(c.client.getServerVersion()).toEqual({ name: 'garbage', version: '1.0.0' });
      expect(c.client.getServerCapabilities()?.resources).toBeUndefined();
      expect(c.client.getServerCapabilities()?.prompts).toBeUndefined();
    } finally {
      await c.close();
    }
  });

  it('names the refused registration when the refusal makes run fail', async () => {
    const loading = ComponentHost.load(exampleBytes('garbage'), {
      platform: await nodePlatform(),
      grants: { env: { GARBAGE_ESCAPE: '1' } },
    });
    await expect(loading).rejects.toBeInstanceOf(HostError);
    await expect(loading).rejects.toMatchObject({
      code: 'REGISTRATION_FAILED',
      message: expect.stringMatching(/^the component's run failed: it returned err \(the host had refused a registration: register-server was already called\)$/),
    });
  });
});
