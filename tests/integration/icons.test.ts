/** Icons a component declares (declare-icons) reach clients on the server, tools, resources and prompts. */
import { expect, it } from 'vitest';
import { exampleBytes } from '../helpers/examples.js';
import { connect } from '../helpers/in-memory.js';

const svgIcon = expect.arrayContaining([expect.objectContaining({ src: expect.stringMatching(/^data:image\/svg\+xml,/), mimeType: 'image/svg+xml' })]);

it('lists the icons the everything example declares, and none where it declares none', async () => {
  const { client, close } = await connect(exampleBytes('everything'));
  try {
    expect(client.getServerVersion()?.icons).toEqual(svgIcon);
    const { tools } = await client.listTools();
    expect(tools.find((t) => t.name === 'add')?.icons).toEqual(svgIcon);
    expect(tools.find((t) => t.name === 'long')).toBeDefined();
    expect(tools.find((t) => t.name === 'long')?.icons).toBeUndefined();
    expect((await client.listResources()).resources.find((r) => r.uri === 'mem://greeting')?.icons).toEqual(svgIcon);
    expect((await client.listPrompts()).prompts.find((p) => p.name === 'greet')?.icons).toEqual(svgIcon);
  } finally {
    await close();
  }
});
