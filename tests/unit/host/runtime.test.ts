import type { ServerNotification } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import { jsonBytes } from '../../../src/host/bytes.js';
import { McpErrorResource, Runtime } from '../../../src/host/runtime.js';

type RuntimeImports = {
  registerServer(info: unknown): void;
  registerTools(tools: unknown): void;
  serve(): void;
  log(level: string, message: string, data?: Uint8Array): void;
  reportProgress(token: string, progress: bigint, total?: bigint): void;
  currentProgressToken(): string | undefined;
  sendNotification(n: unknown): void;
};

function setup() {
  const sink: ServerNotification[] = [];
  const runtime = new Runtime((n) => sink.push(n));
  const imports = runtime.imports()['wasi:mcp/runtime'] as RuntimeImports;
  return { runtime, imports, sink };
}

const thrown = (fn: () => void): McpErrorResource => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(McpErrorResource);
    return e as McpErrorResource;
  }
  throw new Error('did not throw');
};

describe('wasi:mcp/runtime', () => {
  it('returns registration errors as error(invalid-params), never as a trap', () => {
    const { imports } = setup();
    const e = thrown(() => imports.registerTools([{ name: 'a', description: '', inputSchema: jsonBytes(1) }]));
    expect(e.code()).toBe('invalid-params');
    expect(e.message()).toMatch(/must be a JSON object/);
    expect(e.toDebugString()).toMatch(/^invalid-params: /);
  });

  it('refuses serve before register-server', () => {
    const { imports, runtime } = setup();
    expect(thrown(() => imports.serve()).code()).toBe('invalid-request');
    imports.registerServer({ name: 's', version: '1', capabilities: {} });
    imports.serve();
    expect(runtime.registry.served).toBe(true);
  });

  it('routes notifications to the current request, else to the sink', async () => {
    const { imports, runtime, sink } = setup();
    const related: ServerNotification[] = [];
    imports.log('warning', 'idle', undefined);
    await runtime.within({ progressToken: 7, notify: (n) => related.push(n) }, () => {
      expect(imports.currentProgressToken()).toBe('7');
      imports.reportProgress('7', 1n, 2n);
      imports.log('info', 'busy', jsonBytes({ k: 1 }));
    });
    expect(imports.currentProgressToken()).toBeUndefined();
    expect(sink).toEqual([{ method: 'notifications/message', params: { level: 'warning', data: 'idle' } }]);
    expect(related).toEqual([
      { method: 'notifications/progress', params: { progressToken: 7, progress: 1, total: 2 } },
      { method: 'notifications/message', params: { level: 'info', data: { message: 'busy', data: { k: 1 } } } },
    ]);
  });

  it('expands resources-updated into one notification per URI and refuses cancelled', () => {
    const { imports, sink } = setup();
    imports.sendNotification({ tag: 'resources-updated', val: ['a:', 'b:'] });
    expect(sink.map((n) => n.method)).toEqual(['notifications/resources/updated', 'notifications/resources/updated']);
    expect(thrown(() => imports.sendNotification({ tag: 'cancelled', val: '1' })).code()).toBe('invalid-params');
  });

  it('turns bad log data into error(internal-error)', () => {
    const { imports } = setup();
    const e = thrown(() => imports.log('info', 'x', new Uint8Array([0x7b])));
    expect(e.code()).toBe('internal-error');
    expect(e.message()).toMatch(/log data is not valid JSON/);
  });
});

describe('request-sampling and request-elicitation', () => {
  type Ask = (params: Uint8Array) => Uint8Array | Promise<Uint8Array>;
  const asks = (runtime: Runtime) => runtime.imports()['wasi:mcp/runtime'] as { requestSampling: Ask; requestElicitation: Ask };
  const rejected = async (p: Uint8Array | Promise<Uint8Array>) => {
    try {
      await p;
    } catch (e) {
      expect(e).toBeInstanceOf(McpErrorResource);
      return e as McpErrorResource;
    }
    throw new Error('did not fail');
  };

  it('is unavailable where the component cannot be suspended', () => {
    const runtime = new Runtime(() => {}, false);
    expect(thrown(() => void asks(runtime).requestSampling(jsonBytes({}))).code()).toBe('unavailable');
  });

  it('sends the request to the client of the current call and returns its result as JSON', async () => {
    const runtime = new Runtime(() => {}, true);
    const sent: unknown[] = [];
    const context = {
      notify: () => {},
      request: async (method: string, params: unknown) => {
        sent.push([method, params]);
        return { action: 'accept', content: { name: 'Ada' } };
      },
    };
    const result = await runtime.within(context, () => asks(runtime).requestElicitation(jsonBytes({ message: 'who?' })));
    expect(JSON.parse(new TextDecoder().decode(result))).toEqual({ action: 'accept', content: { name: 'Ada' } });
    expect(sent).toEqual([['elicitation/create', { message: 'who?' }]]);
  });

  it('refuses outside a call and passes the client\'s error code on', async () => {
    const runtime = new Runtime(() => {}, true);
    expect((await rejected(asks(runtime).requestSampling(jsonBytes({})))).code()).toBe('invalid-request');
    const context = {
      notify: () => {},
      request: async () => {
        throw Object.assign(new Error('no model'), { code: -32601 });
      },
    };
    const e = await runtime.within(context, () => rejected(asks(runtime).requestSampling(jsonBytes({}))));
    expect([e.code(), e.message()]).toEqual(['method-not-found', 'no model']);
  });

  it('passes an error resource from the host on unchanged and drops the SDK\'s "MCP error" prefix', async () => {
    const runtime = new Runtime(() => {}, true);
    const failing = (error: unknown) => ({
      notify: () => {},
      request: () => {
        throw error;
      },
    });
    const unavailable = new McpErrorResource('unavailable', 'no sampling here', undefined);
    const e1 = await runtime.within(failing(unavailable), () => rejected(asks(runtime).requestSampling(jsonBytes({}))));
    expect(e1).toBe(unavailable);
    const sdk = Object.assign(new Error('MCP error -32602: bad params'), { code: -32602 });
    const e2 = await runtime.within(failing(sdk), () => rejected(asks(runtime).requestElicitation(jsonBytes({}))));
    expect([e2.code(), e2.message()]).toEqual(['invalid-params', 'bad params']);
  });
});
