/**
 * Loading. Both toolchains' components serve; files that are not
 * wasm, not components, or of another world are refused with an error that
 * names what is wrong; a trap is an error for that request only.
 */
import { describe, expect, it } from 'vitest';
import { ComponentHost, HostError, MAX_COMPONENT_BYTES } from '../../src/host/index.js';
import { nodePlatform } from '../../src/platform/node/platform.js';
import { exampleBytes } from '../helpers/examples.js';
import { connect } from '../helpers/in-memory.js';

const load = async (bytes: Uint8Array) => ComponentHost.load(bytes, { platform: await nodePlatform() });

describe.each(['echo', 'echo-js'])('the %s example', (name) => {
  it('lists and calls its echo tool', async () => {
    const c = await connect(exampleBytes(name));
    try {
      expect(c.client.getServerVersion()?.name).toBe(name);
      const { tools } = await c.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['echo']);
      expect(await c.client.callTool({ name: 'echo', arguments: { text: 'hello, wörld' } })).toEqual({
        content: [{ type: 'text', text: 'hello, wörld' }],
      });
      await expect(c.client.callTool({ name: 'echo', arguments: {} })).rejects.toMatchObject({ code: -32602 });
      // Methods for capabilities the component did not register are unknown to the server
      // (the SDK client's listPrompts() would answer an empty list without asking).
      await expect(c.client.request({ method: 'prompts/list', params: {} })).rejects.toMatchObject({ code: -32601 });
    } finally {
      await c.close();
    }
  });
});

describe('invalid component files', () => {
  const refused = async (bytes: Uint8Array) => {
    try {
      await load(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(HostError);
      return e as HostError;
    }
    throw new Error('the file was accepted');
  };

  it('refuses bytes that are not wasm', async () => {
    const e = await refused(exampleBytes('not-wasm'));
    expect(e.code).toBe('NOT_WASM');
    expect(e.message).toMatch(/not a WebAssembly file/);
    expect((await refused(new Uint8Array([0, 0x61]))).message).toMatch(/only 2 bytes/);
  });

  it('refuses a core module, saying it is not a component', async () => {
    const e = await refused(exampleBytes('not-a-component'));
    expect(e.code).toBe('NOT_A_COMPONENT');
    expect(e.message).toMatch(/core WebAssembly module, not a component/);
  });

  it('refuses a component of another world, naming what is missing', async () => {
    const e = await refused(exampleBytes('other-world'));
    expect(e.code).toBe('WRONG_WORLD');
    expect(e.message).toMatch(/does not import wasi:mcp\/runtime/);
    expect(e.message).toMatch(/does not export wasi:mcp\/handlers/);
    // Regression: a component whose exports are bare functions was said to export "nothing".
    expect(e.message).toMatch(/it imports: nothing; it exports: .*hello\(\), wasi:cli\/run@0\.2\.3\)$/);
  });

  it('refuses a truncated component, saying so rather than passing on the transpiler\'s end-of-file', async () => {
    const bytes = exampleBytes('echo');
    for (const length of [9, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const e = await refused(bytes.subarray(0, length));
      expect(e.code).toBe('TRUNCATED');
      expect(e.message).toMatch(new RegExp(`^the file is truncated: .*file of ${length} bytes\\); is the download or copy complete\\?$`));
    }
  });

  it('refuses a file over the size limit before transpiling it', async () => {
    const e = await refused(new Uint8Array(MAX_COMPONENT_BYTES + 1));
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toBe(`the file is 100.0 MiB (${MAX_COMPONENT_BYTES + 1} bytes); components of up to 100 MiB can be loaded`);
  });
});

describe('a trapping component', () => {
  it('answers the trapping request with an error, then works again', async () => {
    const c = await connect(exampleBytes('trap'));
    try {
      expect(await c.client.callTool({ name: 'ok' })).toEqual({ content: [{ type: 'text', text: 'ok' }] });
      await expect(c.client.callTool({ name: 'trap' })).rejects.toMatchObject({
        code: -32603,
        message: expect.stringMatching(/trapped in callTool.*restarted/),
        // The component's own account of the trap (QuickJS prints the JS exception) comes along.
        data: { code: 'TRAPPED', stderr: expect.stringContaining('deliberate trap') },
      });
      expect(c.host.restarts).toBe(1);
      expect(await c.client.callTool({ name: 'ok' })).toEqual({ content: [{ type: 'text', text: 'ok' }] });
    } finally {
      await c.close();
    }
  });

  it('stops a component at its memory limit, then works again', async () => {
    const c = await connect(exampleBytes('trap'), { memoryLimitBytes: 64 * 2 ** 20 });
    try {
      expect(await c.host.memoryBytes()).toBeLessThan(64 * 2 ** 20);
      await expect(c.client.callTool({ name: 'oom' })).rejects.toMatchObject({
        message: expect.stringMatching(/ran out of memory in callTool \(\d+ MiB in use, budget 64 MiB for all its memories\)/),
        data: { code: 'MEMORY_LIMIT', stderr: expect.stringContaining('out of memory') },
      });
      expect(await c.client.callTool({ name: 'ok' })).toEqual({ content: [{ type: 'text', text: 'ok' }] });
    } finally {
      await c.close();
    }
  });
});
