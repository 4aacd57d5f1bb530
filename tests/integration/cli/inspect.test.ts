/** `wasi-mcp inspect <file>`: the component's world and registrations as JSON on stdout. */
import { describe, expect, test } from 'vitest';
import { examplePath } from '../../helpers/examples.js';
import { runCli } from '../../helpers/cli.js';

interface Report {
  file: string;
  world: { imports: string[]; exports: string[] };
  server: { name: string; version: string };
  instructions?: string;
  capabilities: Record<string, unknown>;
  tools: { name: string; description?: string }[];
  resources: { uri: string }[];
  resourceTemplates: { uriTemplate: string }[];
  prompts: { name: string }[];
}

async function inspect(name: string): Promise<{ report: Report; stderr: string }> {
  const result = await runCli(['inspect', examplePath(name)]);
  expect(result.code, result.stderr).toBe(0);
  return { report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

describe('inspect', () => {
  test('everything: world, server, capabilities and every registration', async () => {
    const { report, stderr } = await inspect('everything');
    expect(report.file).toBe(examplePath('everything'));
    expect(report.world.imports).toContain('wasi:mcp/runtime');
    expect(report.world.exports).toEqual(expect.arrayContaining(['wasi:cli/run@0.2.3', 'wasi:mcp/handlers@0.1.0']));
    expect(report.server).toMatchObject({ name: 'everything', version: '1.0.0' });
    expect(report.instructions).toContain('wasi:mcp contract');
    expect(report.capabilities).toMatchObject({
      tools: { listChanged: true },
      resources: { subscribe: true, listChanged: true },
      prompts: {},
      completions: {},
      logging: {},
    });
    expect(report.tools.map((t) => t.name)).toEqual(expect.arrayContaining(['add', 'image', 'audio', 'long', 'utf8']));
    expect(report.tools.find((t) => t.name === 'add')).toMatchObject({
      title: 'Add numbers',
      inputSchema: { type: 'object', required: ['a', 'b'] },
      outputSchema: { type: 'object' },
    });
    expect(report.resources.map((r) => r.uri)).toEqual(['mem://greeting', 'mem://logo.png', 'mem://watched']);
    expect(report.resourceTemplates.map((t) => t.uriTemplate)).toEqual(['mem://users/{id}']);
    expect(report.prompts.map((p) => p.name)).toEqual(['greet', 'summarize']);
    // The component's own stdout goes to stderr: stdout is the report alone.
    expect(stderr).toContain('[component stdout] everything: registered');
  });

  test('echo: one tool, nothing else', async () => {
    const { report } = await inspect('echo');
    expect(report.server.name).toBe('echo');
    expect(report.tools.map((t) => t.name)).toEqual(['echo']);
    expect(report.capabilities.resources).toBeUndefined();
    expect([report.resources, report.resourceTemplates, report.prompts]).toEqual([[], [], []]);
  });
});
