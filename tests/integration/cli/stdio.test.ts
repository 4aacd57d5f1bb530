/** `wasi-mcp serve <file>` over stdio, driven by the official SDK Client. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ProtocolError } from '@modelcontextprotocol/server';
import type { JSONRPCMessage, ServerNotification } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { examplePath } from '../../helpers/examples.js';
import { BIN, CLI_ENV, connectStdio, ROOT, type StdioSession } from '../../helpers/cli.js';

describe.each(['echo', 'echo-js'])('serve %s over stdio', (name) => {
  test('lists and calls the echo tool', async () => {
    const session = await connectStdio([examplePath(name)]);
    try {
      expect(session.client.getServerVersion()?.name).toBe(name);
      const { tools } = await session.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['echo']);
      const result = await session.client.callTool({ name: 'echo', arguments: { text: 'héllo 🌍' } });
      expect(result.content).toEqual([{ type: 'text', text: 'héllo 🌍' }]);
    } finally {
      await session.close();
    }
  });
});

describe('serve everything over stdio', () => {
  let session: StdioSession;
  const notifications: ServerNotification[] = [];
  /** Every message from the server, as it came off the wire. */
  const wire: JSONRPCMessage[] = [];

  beforeAll(async () => {
    session = await connectStdio([examplePath('everything')], (m) => wire.push(m));
    session.client.fallbackNotificationHandler = async (n) => {
      notifications.push(n as ServerNotification);
    };
  });
  afterAll(async () => session?.close());

  const logsSince = (start: number) =>
    notifications.slice(start).filter((n) => n.method === 'notifications/message').map((n) => n.params.data);

  test('tools: structured content, images, isError results and MCP errors', async () => {
    const { client } = session;
    expect((await client.listTools()).tools.map((t) => t.name)).toContain('long');
    const add = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
    expect(add.structuredContent).toEqual({ sum: 5 });
    const image = await client.callTool({ name: 'image', arguments: {} });
    expect(image.content).toEqual([expect.objectContaining({ type: 'image', mimeType: 'image/png' })]);
    const failed = await client.callTool({ name: 'fail', arguments: {} });
    expect(failed.isError).toBe(true);
    // `fail` writes a line to the component's stderr: ours, prefixed, never stdout.
    await vi.waitFor(() =>
      expect(session.stderr()).toContain('[component stderr] everything: the fail tool ran (this line is on stderr)'),
    );
    const thrown = await client.callTool({ name: 'throws', arguments: {} }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ProtocolError);
    expect((thrown as ProtocolError).code).toBe(-32602);
  });

  test('resources and templates', async () => {
    const { client } = session;
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(['mem://greeting', 'mem://logo.png', 'mem://watched']);
    const greeting = await client.readResource({ uri: 'mem://greeting' });
    expect(greeting.contents[0]).toMatchObject({ uri: 'mem://greeting', text: 'Hello from the everything server! Ça va? 👋' });
    const logo = await client.readResource({ uri: 'mem://logo.png' });
    expect(logo.contents[0]).toMatchObject({ mimeType: 'image/png', blob: expect.stringMatching(/^iVBOR/) });
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['mem://users/{id}']);
    const user = await client.readResource({ uri: 'mem://users/42' });
    const [record] = user.contents;
    expect('text' in record && JSON.parse(record.text)).toEqual({ id: '42', name: 'Douglas Adams' });
  });

  test('prompts and completion', async () => {
    const { client } = session;
    expect((await client.listPrompts()).prompts.map((p) => p.name)).toEqual(['greet', 'summarize']);
    const prompt = await client.getPrompt({ name: 'greet', arguments: { name: 'Ada', style: 'pirate' } });
    expect(prompt.messages[0].content).toMatchObject({ type: 'text', text: expect.stringContaining('Ahoy, Ada!') });
    const styles = await client.complete({ ref: { type: 'ref/prompt', name: 'greet' }, argument: { name: 'style', value: 'p' } });
    expect(styles.completion.values).toEqual(['pirate']);
    const ids = await client.complete({
      ref: { type: 'ref/resource', uri: 'mem://users/{id}' },
      argument: { name: 'id', value: '4' },
    });
    expect(ids.completion.values).toEqual(['42']);
  });

  test('progress with a progress token reaches onprogress', async () => {
    const progress: { progress: number; total?: number }[] = [];
    const start = wire.length;
    const result = await session.client.callTool({ name: 'long', arguments: { steps: 4 } }, {
      onprogress: (p) => progress.push({ progress: p.progress, total: p.total }),
    });
    expect(result.content).toEqual([{ type: 'text', text: 'done after 4 steps' }]);
    // All four arrive, in order, before the response.
    const expected = [1, 2, 3, 4].map((i) => ({ progress: i, total: 4 }));
    const received = wire.slice(start);
    const sent = received.filter((m) => 'method' in m && m.method === 'notifications/progress');
    expect(sent.map((m) => 'params' in m && { progress: m.params?.progress, total: m.params?.total })).toEqual(expected);
    expect(received.findIndex((m) => 'result' in m)).toBeGreaterThan(received.indexOf(sent[3]));
    expect(progress).toEqual(expected);
  });

  test('logging/setLevel filters log messages', async () => {
    const { client } = session;
    await client.setLoggingLevel('info');
    let start = notifications.length;
    await client.callTool({ name: 'long', arguments: { steps: 2 } });
    expect(logsSince(start)).toEqual(['long: step 1 of 2', 'long: step 2 of 2']);
    await client.setLoggingLevel('warning');
    start = notifications.length;
    await client.callTool({ name: 'long', arguments: { steps: 2 } });
    // A ping after the call: any stray log would have arrived before its answer.
    await client.ping();
    expect(logsSince(start)).toEqual([]);
  });

  test("the component's stdout goes to our stderr, prefixed", async () => {
    expect(session.stderr()).toMatch(/^\[component stdout\] everything: registered \d+ tools, 3 resources, 2 prompts$/m);
  });
});

describe('the stdio stream', () => {
  test('stdout carries only JSON-RPC, and closing stdin ends the process with 0', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', examplePath('everything')], { cwd: ROOT, env: CLI_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const responses = new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        if (lines.length === 2) resolve();
      });
      void exited.then((code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
    });
    const send = (m: object) => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...m })}\n`);
    send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    send({ method: 'notifications/initialized' });
    // `fail` writes to the component's stderr; loading wrote to its stdout.
    send({ id: 2, method: 'tools/call', params: { name: 'fail', arguments: {} } });
    await responses;
    child.stdin.end();
    expect(await exited).toBe(0);
    const messages = lines.map((l) => JSON.parse(l) as { jsonrpc: string; id: number; result: { isError?: boolean } });
    expect(messages.map((m) => [m.jsonrpc, m.id])).toEqual([
      ['2.0', 1],
      ['2.0', 2],
    ]);
    expect(messages[1].result.isError).toBe(true);
  });

  test('malformed and over-long lines are answered, and input that ends early still gets its answers', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', examplePath('echo')], { cwd: ROOT, env: CLI_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const line = (m: object) => `${JSON.stringify({ jsonrpc: '2.0', ...m })}\n`;
    child.stdin.write('not json\n');
    child.stdin.write(`{"big":"${'x'.repeat(5 * 2 ** 20)}"}\n`);
    child.stdin.write(line({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } }));
    child.stdin.write(line({ id: 2, method: 'tools/call', params: { name: 'echo', arguments: { text: 'still here' } } }));
    child.stdin.end();
    expect(await exited).toBe(0);
    const answers = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: unknown; error?: { code: number }; result?: { content?: unknown } });
    expect(answers.map((a) => [a.id, a.error?.code])).toEqual([
      [null, -32700],
      [null, -32600],
      [1, undefined],
      [2, undefined],
    ]);
    expect(answers[3].result?.content).toEqual([{ type: 'text', text: 'still here' }]);
  });
});
