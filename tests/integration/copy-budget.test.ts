/**
 * What the host copies out of a component is bounded by what it budgets, not
 * by what the component points at. The `floods` example answers `copy` with
 * 20,000 text blocks over the same 1 MiB of its memory (20 GiB to copy) and
 * `copy-some` with 40 (40 MiB); `schema-flood` registers 1,500 tools whose
 * 1 MB schemas all point at the same memory.
 */
import { ProtocolError } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComponentHost, LIMITS } from '../../src/host/index.js';
import { COPY_BUDGET_BYTES } from '../../src/host/copy-budget.js';
import { nodePlatform } from '../../src/platform/node/platform.js';
import { exampleBytes } from '../helpers/examples.js';
import { connect, type Connected } from '../helpers/in-memory.js';

describe('a result over the copy budget of a call', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect(exampleBytes('floods'));
  });
  afterAll(async () => c?.close());

  const failure = async (name: string) =>
    c.client.callTool({ name, arguments: {} }).then(
      () => undefined,
      (e: unknown) => e,
    );

  it('fails the call with an error naming the budget, for 40 blocks of 1 MiB', async () => {
    expect(COPY_BUDGET_BYTES).toBeLessThan(40 * 2 ** 20);
    const error = await failure('copy-some');
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({
      data: { code: 'COPY_LIMIT' },
      message: expect.stringMatching(/handed the host more than 32 MiB in callTool \(the copy budget of one call\); it was restarted/),
    });
  });

  it('stops copying 20,000 blocks of the same 1 MiB at the budget', async () => {
    const before = process.memoryUsage().rss;
    const error = await failure('copy');
    expect(error).toMatchObject({ data: { code: 'COPY_LIMIT' } });
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 2 ** 20);
  });

  it('serves the next call from a fresh instance', async () => {
    expect(await c.client.callTool({ name: 'log', arguments: {} })).toEqual({ content: [] });
    expect(c.host.restarts).toBe(2);
  });
});

describe('a registration over the registry budget', () => {
  it('is refused as other bad registrations are, and the component fails to load', async () => {
    const loading = ComponentHost.load(exampleBytes('schema-flood'), { platform: await nodePlatform() });
    await expect(loading).rejects.toMatchObject({
      code: 'REGISTRATION_FAILED',
      message: expect.stringMatching(
        new RegExp(`refused a registration: register-tools of 10 tools would take the registry to \\d+ bytes; the registry budget is ${LIMITS.registryBytes}`),
      ),
    });
  });
});
