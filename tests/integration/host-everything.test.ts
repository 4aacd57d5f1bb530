/**
 * The official SDK Client talks to the host core over the SDK's
 * in-memory transport, against the `everything` example, and every MCP method
 * the host answers is exercised, error paths included.
 */
import type { LoggingMessageNotification } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleBytes } from '../helpers/examples.js';
import { connect, type Connected } from '../helpers/in-memory.js';

let c: Connected;
beforeAll(async () => {
  c = await connect(exampleBytes('everything'));
});
afterAll(async () => c?.close());

const textOf = (result: Record<string, unknown>) =>
  (result.content as { type: string; text?: string }[]).map((b) => b.text ?? '').join('');

describe('initialize', () => {
  it('reports the registered server and capabilities from the registration', () => {
    expect(c.client.getServerVersion()).toEqual({ name: 'everything', version: '1.0.0', icons: [expect.objectContaining({ mimeType: 'image/svg+xml' })] });
    expect(c.client.getInstructions()).toMatch(/covering the whole wasi:mcp contract/);
    expect(c.client.getServerCapabilities()).toEqual({
      logging: {},
      tools: { listChanged: true },
      resources: { subscribe: true, listChanged: true },
      prompts: { listChanged: false },
      completions: {},
    });
  });

  it('answers ping', async () => {
    await expect(c.client.ping()).resolves.toEqual({});
  });

  it('captured the stdout the component wrote while registering', () => {
    expect(c.output.join('')).toMatch(/^stdout:everything: registered 15 tools, 3 resources, 2 prompts\n/);
  });

  it('reports the time of each load stage', () => {
    for (const stage of ['transpile', 'compile', 'instantiate', 'register'] as const) {
      expect(c.host.timings[stage]).toBeGreaterThan(0);
    }
  });
});

describe('tools', () => {
  it('lists every tool with schemas, titles and annotations', async () => {
    const { tools } = await c.client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      'add', 'image', 'audio', 'embedded', 'link', 'fail', 'throws', 'long', 'notify', 'ask-llm', 'ask-user', 'interview', 'sign-in', 'roots', 'utf8',
    ]);
    const add = tools[0];
    expect(add).toEqual({
      name: 'add',
      title: 'Add numbers',
      description: 'Adds two numbers; returns text and structured content {sum}',
      inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] },
      outputSchema: { type: 'object', properties: { sum: { type: 'number' } }, required: ['sum'] },
      annotations: { title: 'Add numbers', readOnlyHint: true, idempotentHint: true },
      icons: [{ src: expect.stringMatching(/^data:image\/svg\+xml,/), mimeType: 'image/svg+xml', sizes: ['any'] }],
    });
    expect('annotations' in tools[1]).toBe(false); // absent stays absent
  });

  it('returns text and structured content that matches the output schema', async () => {
    const result = await c.client.callTool({ name: 'add', arguments: { a: 2, b: 40.5 } });
    expect(result).toEqual({ content: [{ type: 'text', text: '2 + 40.5 = 42.5' }], structuredContent: { sum: 42.5 } });
  });

  it('returns image and audio content as base64 with their MIME types', async () => {
    const image = (await c.client.callTool({ name: 'image' })).content as { type: string; data: string; mimeType: string }[];
    expect(image[0].type).toBe('image');
    expect(image[0].mimeType).toBe('image/png');
    expect(Buffer.from(image[0].data, 'base64').subarray(1, 4).toString()).toBe('PNG');
    const audio = (await c.client.callTool({ name: 'audio' })).content as { type: string; data: string; mimeType: string }[];
    expect(audio[0]).toMatchObject({ type: 'audio', mimeType: 'audio/wav' });
    expect(Buffer.from(audio[0].data, 'base64').subarray(0, 4).toString()).toBe('RIFF');
  });

  it('returns embedded resources and resource links', async () => {
    expect((await c.client.callTool({ name: 'embedded' })).content).toEqual([
      { type: 'resource', resource: { uri: 'mem://embedded/note', mimeType: 'text/plain', text: 'This text is an embedded resource.' } },
    ]);
    expect((await c.client.callTool({ name: 'link' })).content).toEqual([
      { type: 'resource_link', uri: 'mem://logo.png', name: 'logo', description: 'The server logo', mimeType: 'image/png' },
    ]);
  });

  it('passes an is-error result through as a result, not an exception, and captures stderr', async () => {
    const result = await c.client.callTool({ name: 'fail' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/always fails/);
    expect(c.output).toContain('stderr:everything: the fail tool ran (this line is on stderr)\n');
  });

  // Regression: the second call of `fail` came back as -32603 "callTool: [object Object] (see
  // error.payload)", because the guest's dropped stderr handle had closed the only stderr stream.
  it('answers the fail tool twice in one session (a dropped stderr handle left stderr closed)', async () => {
    const before = c.output.length;
    for (let i = 0; i < 2; i++) {
      const result = await c.client.callTool({ name: 'fail' });
      expect(result.isError).toBe(true);
    }
    expect(c.output.slice(before)).toEqual([
      'stderr:everything: the fail tool ran (this line is on stderr)\n',
      'stderr:everything: the fail tool ran (this line is on stderr)\n',
    ]);
  });

  it('turns an error the component returns into a JSON-RPC error with its code', async () => {
    await expect(c.client.callTool({ name: 'throws' })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining('the throws tool always fails with invalid-params'),
      data: { code: 'invalid-params' },
    });
  });

  it('rejects an unknown tool', async () => {
    await expect(c.client.callTool({ name: 'no-such-tool' })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining('Unknown tool: no-such-tool'),
    });
  });

  it('validates arguments against the input schema before the component sees them', async () => {
    await expect(c.client.callTool({ name: 'add', arguments: { a: 'two', b: 1 } })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringMatching(/Invalid arguments for tool add/),
    });
    await expect(c.client.callTool({ name: 'add', arguments: { a: 1 } })).rejects.toMatchObject({ code: -32602 });
  });

  it('keeps UTF-8 intact both ways', async () => {
    const result = await c.client.callTool({ name: 'utf8', arguments: { text: 'naïve 日本 🧪' } });
    expect(textOf(result)).toBe('naïve 日本 🧪 héllo 🌍');
  });

  it('relates progress and log notifications to the call, with the client\'s own progress token', async () => {
    const progress: { progress: number; total?: number }[] = [];
    const before = c.notifications.length;
    const result = await c.client.callTool({ name: 'long', arguments: { steps: 3 } }, {
      onprogress: (p) => progress.push({ progress: p.progress, total: p.total }),
    });
    expect(textOf(result)).toBe('done after 3 steps');
    expect(progress).toEqual([
      { progress: 1, total: 3 },
      { progress: 2, total: 3 },
      { progress: 3, total: 3 },
    ]);
    const logs = c.notifications.slice(before).filter((n) => n.method === 'notifications/message');
    expect(logs.map((n) => (n as LoggingMessageNotification).params)).toEqual([
      { level: 'info', logger: 'everything', data: 'long: step 1 of 3' },
      { level: 'info', logger: 'everything', data: 'long: step 2 of 3' },
      { level: 'info', logger: 'everything', data: 'long: step 3 of 3' },
    ]);
  });

  it('filters log messages below the level set with logging/setLevel', async () => {
    await c.client.setLoggingLevel('warning');
    const before = c.notifications.length;
    await c.client.callTool({ name: 'long', arguments: { steps: 2 } });
    expect(c.notifications.slice(before).filter((n) => n.method === 'notifications/message')).toEqual([]);
    await c.client.setLoggingLevel('debug');
    await c.client.callTool({ name: 'long', arguments: { steps: 1 } });
    expect(c.notifications.slice(before).filter((n) => n.method === 'notifications/message')).toHaveLength(1);
  });
});

describe('resources', () => {
  it('lists resources and templates', async () => {
    const { resources } = await c.client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(['mem://greeting', 'mem://logo.png', 'mem://watched']);
    expect(resources[1]).toEqual({
      uri: 'mem://logo.png', name: 'logo', title: 'Logo', description: 'A 16x16 PNG (binary)', mimeType: 'image/png', size: 91,
    });
    const { resourceTemplates } = await c.client.listResourceTemplates();
    expect(resourceTemplates).toEqual([
      { uriTemplate: 'mem://users/{id}', name: 'user', title: 'User', description: 'A user record by id (try 1, 2, 3 or 42)', mimeType: 'application/json' },
    ]);
  });

  it('reads text and binary resources', async () => {
    expect(await c.client.readResource({ uri: 'mem://greeting' })).toEqual({
      contents: [{ uri: 'mem://greeting', mimeType: 'text/plain', text: 'Hello from the everything server! Ça va? 👋' }],
    });
    const logo = await c.client.readResource({ uri: 'mem://logo.png' });
    expect(logo.contents[0]).toMatchObject({ uri: 'mem://logo.png', mimeType: 'image/png' });
    expect(Buffer.from((logo.contents[0] as { blob: string }).blob, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('reads a resource through its template', async () => {
    const user = await c.client.readResource({ uri: 'mem://users/42' });
    expect(JSON.parse((user.contents[0] as { text: string }).text)).toEqual({ id: '42', name: 'Douglas Adams' });
  });

  it('answers an unknown resource with -32602, as MCP 2026-07-28 asks of every era', async () => {
    await expect(c.client.readResource({ uri: 'mem://nothing' })).rejects.toMatchObject({
      code: -32602,
      data: { code: 'resource-not-found' },
    });
  });

  it('delivers resources/updated only while subscribed', async () => {
    const updated = () =>
      c.notifications.filter((n) => n.method === 'notifications/resources/updated').map(({ method, params }) => ({ method, params }));
    const listChanged = () => c.notifications.filter((n) => n.method === 'notifications/tools/list_changed');
    const changesBefore = listChanged().length;
    await c.client.callTool({ name: 'notify' });
    expect(updated()).toEqual([]);
    expect(listChanged().length).toBe(changesBefore + 1);

    await c.client.subscribeResource({ uri: 'mem://watched' });
    const result = await c.client.callTool({ name: 'notify' });
    expect(textOf(result)).toMatch(/, subscribed\)/);
    expect(updated()).toEqual([{ method: 'notifications/resources/updated', params: { uri: 'mem://watched' } }]);

    await c.client.unsubscribeResource({ uri: 'mem://watched' });
    await c.client.callTool({ name: 'notify' });
    expect(updated()).toHaveLength(1);
  });

  it('passes the component\'s refusal of an unknown subscription on', async () => {
    await expect(c.client.subscribeResource({ uri: 'mem://nothing' })).rejects.toMatchObject({ code: -32602 });
  });
});

describe('prompts and completion', () => {
  it('lists prompts with their arguments', async () => {
    const { prompts } = await c.client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['greet', 'summarize']);
    expect(prompts[0].arguments).toEqual([
      { name: 'name', description: 'Who to greet', required: true },
      { name: 'style', description: 'formal, casual or pirate (completable)', required: false },
    ]);
  });

  it('gets a prompt with arguments', async () => {
    const result = await c.client.getPrompt({ name: 'greet', arguments: { name: 'Ada', style: 'pirate' } });
    expect(result).toEqual({
      description: 'Greets someone in a chosen style',
      messages: [{ role: 'user', content: { type: 'text', text: 'Please greet me like this: "Ahoy, Ada! Welcome aboard, ye scallywag!"' } }],
    });
  });

  it('returns messages with embedded resources', async () => {
    const result = await c.client.getPrompt({ name: 'summarize', arguments: { text: 'one two three' } });
    expect(result.messages.map((m) => [m.role, m.content.type])).toEqual([
      ['user', 'resource'],
      ['assistant', 'text'],
    ]);
  });

  it('rejects a missing required argument and an unknown prompt', async () => {
    await expect(c.client.getPrompt({ name: 'greet', arguments: {} })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining('Missing required argument for prompt greet: name'),
    });
    await expect(c.client.getPrompt({ name: 'nope' })).rejects.toMatchObject({ code: -32602 });
  });

  it('completes prompt arguments and template variables', async () => {
    const style = await c.client.complete({ ref: { type: 'ref/prompt', name: 'greet' }, argument: { name: 'style', value: 'p' } });
    expect(style.completion).toEqual({ values: ['pirate'], total: 1, hasMore: false });
    const id = await c.client.complete({
      ref: { type: 'ref/resource', uri: 'mem://users/{id}' },
      argument: { name: 'id', value: '4' },
    });
    expect(id.completion.values).toEqual(['42']);
  });
});

describe('requests to the client while a tool runs (JSPI)', () => {
  it('asks the client to sample and uses the answer', async () => {
    const asked: unknown[] = [];
    c.client.setRequestHandler('sampling/createMessage', async (request) => {
      asked.push(request.params.messages);
      return { model: 'test-model', role: 'assistant', content: { type: 'text', text: 'forty-two' } };
    });
    const result = await c.client.callTool({ name: 'ask-llm', arguments: { question: 'the answer?' } });
    expect(textOf(result)).toBe('test-model says: forty-two');
    expect(asked).toEqual([[{ role: 'user', content: { type: 'text', text: 'the answer?' } }]]);
  });

  it('asks the client to elicit, for accept and decline', async () => {
    const answers = [
      { action: 'accept' as const, content: { name: 'Grace' } },
      { action: 'decline' as const },
    ];
    c.client.setRequestHandler('elicitation/create', async (request) => {
      expect(request.params.message).toBe('What is your name?');
      return answers.shift()!;
    });
    expect(textOf(await c.client.callTool({ name: 'ask-user' }))).toBe('Hello, Grace!');
    expect(textOf(await c.client.callTool({ name: 'ask-user' }))).toBe('You chose to decline.');
  });

  it('does not ask a client that did not declare sampling or elicitation', async () => {
    const bare = await connect(exampleBytes('everything'), {}, {});
    try {
      await expect(bare.client.callTool({ name: 'ask-llm', arguments: { question: 'q' } })).rejects.toMatchObject({
        code: -32603,
        message: expect.stringMatching(/the client did not declare the sampling capability/),
        data: { code: 'unavailable' },
      });
      await expect(bare.client.callTool({ name: 'ask-user' })).rejects.toMatchObject({
        message: expect.stringMatching(/the client did not declare the elicitation capability/),
        data: { code: 'unavailable' },
      });
    } finally {
      await bare.close();
    }
  });

  it('withdraws its question when the client cancels the call that asked', async () => {
    // Earlier tests here made the server's first requests, so the one withdrawn is not id 0, which older clients ignore.
    let withdrawn!: () => void;
    const asked = new Promise<void>((resolve, reject) => {
      c.client.setRequestHandler('elicitation/create', (_request, ctx) =>
        new Promise(() => {
          ctx.mcpReq.signal.addEventListener('abort', () => withdrawn());
          resolve();
        }),
      );
      setTimeout(() => reject(new Error('never asked')), 10_000);
    });
    const gone = new Promise<void>((resolve) => (withdrawn = resolve));
    const abort = new AbortController();
    const call = c.client.callTool({ name: 'ask-user' }, { signal: abort.signal });
    await asked;
    abort.abort('the person gave up');
    await expect(call).rejects.toThrow();
    await gone;
    expect(textOf(await c.client.callTool({ name: 'add', arguments: { a: 1, b: 2 } }))).toBe('1 + 2 = 3');
  });

  it('keeps other requests waiting while a tool waits for the client', async () => {
    let release!: () => void;
    c.client.setRequestHandler('elicitation/create', () =>
      new Promise((resolve) => {
        release = () => resolve({ action: 'accept', content: { name: 'Alan' } });
      }),
    );
    const order: string[] = [];
    const asking = c.client.callTool({ name: 'ask-user' }).then((r) => order.push(textOf(r)));
    await new Promise((r) => setTimeout(r, 20));
    const adding = c.client.callTool({ name: 'add', arguments: { a: 1, b: 1 } }).then((r) => order.push(textOf(r)));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    release();
    await Promise.all([asking, adding]);
    expect(order).toEqual(['Hello, Alan!', '1 + 1 = 2']);
  });
});
