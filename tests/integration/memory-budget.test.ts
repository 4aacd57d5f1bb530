/**
 * One memory budget for all of a component's memories. The hostile examples
 * each reach 1 GiB while they are instantiated, in the ways a cap of each
 * 32-bit memory on its own misses: a 64-bit memory, a shared memory, and
 * sixteen instances of a module whose memory stays under the cap. Loaded with
 * a 64 MiB limit, each must fail to load without the host's memory growing by
 * anything like that.
 */
import { describe, expect, it } from 'vitest';
import { ComponentHost } from '../../src/host/index.js';
import { nodePlatform } from '../../src/platform/node/platform.js';
import { exampleBytes } from '../helpers/examples.js';

const LIMIT = 64 * 2 ** 20;

/** The load's failure and how far the process's resident memory rose meanwhile. */
async function load(name: string): Promise<{ error: unknown; grewBy: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 1);
  let error: unknown;
  try {
    await ComponentHost.load(exampleBytes(name), { platform: await nodePlatform(), memoryLimitBytes: LIMIT });
  } catch (e) {
    error = e;
  } finally {
    clearInterval(sample);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { error, grewBy: peak - before };
}

describe('a component over its memory budget', () => {
  it('is refused when a memory is 64-bit', async () => {
    const { error, grewBy } = await load('memory64');
    expect(error).toMatchObject({ code: 'UNSUPPORTED_MEMORY', message: expect.stringMatching(/64-bit memory/) });
    expect(grewBy).toBeLessThan(256 * 2 ** 20);
  });

  it('is refused when a memory is shared', async () => {
    const { error, grewBy } = await load('shared-memory');
    expect(error).toMatchObject({ code: 'UNSUPPORTED_MEMORY', message: expect.stringMatching(/shared memory/) });
    expect(grewBy).toBeLessThan(256 * 2 ** 20);
  });

  it('shares the budget among all instances of its memories', async () => {
    const { error, grewBy } = await load('many-memories');
    // Each of the sixteen memories may grow to a sixteenth of the budget: the first grow past it fails.
    expect(error).toMatchObject({
      code: 'INSTANTIATE_FAILED',
      message: expect.stringMatching(/64 MiB budget shared by 16 memories/),
    });
    expect(grewBy).toBeLessThan(256 * 2 ** 20);
  });
});
