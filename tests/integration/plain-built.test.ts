/**
 * Plain components made here from WIT with jco's wasm-tools (a "dummy" core
 * module whose every function traps): interfaces sharing a short name get the
 * package in their tool names, a trap in a tool restarts the instance as for
 * any component, and a component exporting no function is of another world.
 */
import { componentEmbed, componentNew } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import { ComponentHost } from '../../src/host/index.js';
import { nodePlatform } from '../../src/platform/node/platform.js';
import { connect } from '../helpers/in-memory.js';

const WIT = `
package test:root;

package a:one@1.0.0 {
  interface util { f: func(x: u8) -> u8; }
}
package b:two {
  interface util { f: func(); }
  interface only { resource r { constructor(); } }
}

world clash {
  export a:one/util@1.0.0;
  export b:two/util;
}
world nothing-callable {
  export b:two/only;
}`;

const build = async (world: string) => componentNew(await componentEmbed({ dummy: true, witSource: WIT, world }));

describe('two exported interfaces named util', () => {
  it('are told apart by package in tool names, and a trap restarts the instance', async () => {
    const c = await connect(await build('clash'));
    try {
      const { tools } = await c.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['a.one.util.1.0.0.f', 'b.two.util.f']);
      expect(c.client.getServerVersion()).toEqual({ name: 'wasm-component', version: '0.0.0' });
      await expect(c.client.callTool({ name: 'b.two.util.f', arguments: {} })).rejects.toMatchObject({
        code: -32603,
        message: expect.stringMatching(/the component trapped in callTool: .*; it was restarted/),
      });
      expect(c.host.restarts).toBe(1);
      // Still refused before the (new) instance runs, and still listed.
      await expect(c.client.callTool({ name: 'a.one.util.1.0.0.f', arguments: { x: 300 } })).rejects.toMatchObject({ code: -32602 });
      expect(c.host.restarts).toBe(1);
      expect((await c.client.listTools()).tools).toHaveLength(2);
    } finally {
      await c.close();
    }
  });
});

it('refuses a component that exports no function, naming what it does export', async () => {
  const load = ComponentHost.load(await build('nothing-callable'), { platform: await nodePlatform() });
  await expect(load).rejects.toMatchObject({
    code: 'WRONG_WORLD',
    message: expect.stringMatching(
      /^component exports no function to serve as a tool and does not export wasi:mcp\/handlers \(it exports: .*b:two\/only.*; not served: only\.\[constructor\]r \(resource constructors and methods are not tools\)\)$/,
    ),
  });
});
