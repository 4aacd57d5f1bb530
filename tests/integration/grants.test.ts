/**
 * WASI grants. The `capabilities` example (one tool per capability)
 * is served by the host core to the SDK Client: with no grants it sees no
 * environment, no directories and no network, and a refused HTTP request is a
 * WASI error inside the component plus an onDenied report, never a trap; with
 * grants it sees exactly what it was given. HTTP goes to a real node:http
 * server on 127.0.0.1. Reading a response needs JSPI (Node 24): the component
 * waits on a wasi:io pollable (src/host/load.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Denial, FileTree, WasiGrants } from '../../src/host/index.js';
import { exampleBytes } from '../helpers/examples.js';
import { connect, type Connected } from '../helpers/in-memory.js';

let server: Server;
let port: number;
/** `METHOD url` of each request the server received. */
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    if (req.url === '/big') res.end('x'.repeat(5000));
    else if (req.url === '/to-hello') res.writeHead(302, { location: '/hello' }).end();
    else if (req.url === '/to-other-origin') res.writeHead(307, { location: `http://localhost:${port}/secret` }).end();
    else if (req.url === '/loop') res.writeHead(301, { location: '/loop' }).end();
    else if (req.url === '/missing') res.writeHead(404).end('not found');
    else res.end(`hello from ${req.url}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface Instance extends Connected {
  denials: Denial[];
  call(name: string, args?: Record<string, unknown>): Promise<unknown>;
}

async function load(grants?: WasiGrants): Promise<Instance> {
  const denials: Denial[] = [];
  const c = await connect(exampleBytes('capabilities'), { ...(grants ? { grants } : {}), onDenied: (d) => denials.push(d) });
  return { ...c, denials, call: (name, args = {}) => c.client.callTool({ name, arguments: args }) };
}

const text = (t: string) => ({ content: [{ type: 'text', text: t }] });
const error = (t: string) => ({ content: [{ type: 'text', text: t }], isError: true });

describe('with no grants (deny by default)', () => {
  let c: Instance;
  beforeAll(async () => {
    c = await load();
  });
  afterAll(async () => c?.close());

  it('sees no environment variables', async () => {
    expect(await c.call('env')).toEqual(text('{}'));
  });

  it('sees no preopened directories, so it can neither read nor write files', async () => {
    expect(await c.call('list-dirs')).toEqual(text('{}'));
    expect(await c.call('read-file', { path: '/data/a.txt' })).toEqual(error('no preopened directory for /data/a.txt'));
    expect(await c.call('write-file', { path: '/data/b.txt', text: 'x' })).toEqual(
      error('no preopened directory for /data/b.txt'),
    );
  });

  it('gets HTTP-request-denied for a request, the host is told once, and nothing is sent', async () => {
    hits.length = 0;
    expect(await c.call('fetch', { url: `http://127.0.0.1:${port}/hello` })).toEqual(error('denied: HTTP-request-denied'));
    expect(c.denials).toEqual([{ capability: 'http', detail: `http://127.0.0.1:${port}` }]);
    expect(hits).toEqual([]);
  });

  it('keeps working after a denial: no trap, no restart', async () => {
    expect(await c.call('env')).toEqual(text('{}'));
    expect(c.host.restarts).toBe(0);
  });
});

describe('with grants', () => {
  const tree = (): FileTree => ({ dir: { 'a.txt': { source: 'hello' } } });
  let grants: WasiGrants;
  let c: Instance;
  beforeAll(async () => {
    grants = { env: { GREETING: 'hi' }, dirs: { '/data': tree() }, httpOrigins: [`http://127.0.0.1:${port}`] };
    c = await load(grants);
  });
  afterAll(async () => c?.close());

  it('sees the granted environment variables and nothing else', async () => {
    expect(await c.call('env')).toEqual(text('{"GREETING":"hi"}'));
  });

  it('reads a file of a granted directory', async () => {
    expect(await c.call('list-dirs')).toEqual(text('{"/data":[{"name":"a.txt","type":"regular-file"}]}'));
    expect(await c.call('read-file', { path: '/data/a.txt' })).toEqual(text('hello'));
    expect(await c.call('read-file', { path: '/data/nope.txt' })).toEqual(error('read-file failed: no-entry'));
    expect(await c.call('read-file', { path: '/etc/passwd' })).toEqual(error('no preopened directory for /etc/passwd'));
  });

  it('writes a new file that later calls of the same instance see, without touching the grant', async () => {
    expect(await c.call('write-file', { path: '/data/new.txt', text: 'héllo wörld' })).toEqual(
      text('wrote 13 bytes to /data/new.txt'),
    );
    expect(await c.call('read-file', { path: '/data/new.txt' })).toEqual(text('héllo wörld'));
    expect(await c.call('list-dirs')).toEqual(
      text('{"/data":[{"name":"a.txt","type":"regular-file"},{"name":"new.txt","type":"regular-file"}]}'),
    );
    // Each instance works on its own copy of the granted tree.
    expect(grants.dirs).toEqual({ '/data': tree() });
  });

  it('fetches from a granted origin: status and body, nothing denied', async () => {
    hits.length = 0;
    expect(await c.call('fetch', { url: `http://127.0.0.1:${port}/hello?x=1` })).toEqual(
      text('status 200: hello from /hello?x=1'),
    );
    expect(hits).toEqual(['GET /hello?x=1']);
    expect(await c.call('fetch', { url: `http://127.0.0.1:${port}/missing` })).toEqual(text('status 404: not found'));
    // The tool reads at most 4 KiB of a body.
    expect(await c.call('fetch', { url: `http://127.0.0.1:${port}/big` })).toEqual(text(`status 200: ${'x'.repeat(4096)}`));
    expect(c.denials).toEqual([]);
  });

  it('follows a redirect to a granted origin, each hop fetched by the host', async () => {
    hits.length = 0;
    expect(await c.call('fetch', { url: `http://127.0.0.1:${port}/to-hello` })).toEqual(text('status 200: hello from /hello'));
    expect(hits).toEqual(['GET /to-hello', 'GET /hello']);
    expect(c.denials).toEqual([]);
  });

  it('denies a redirect to an origin that is not listed, and never fetches it', async () => {
    hits.length = 0;
    c.denials.length = 0;
    expect(await c.call('fetch', { url: `http://127.0.0.1:${port}/to-other-origin` })).toEqual(
      error(`error: internal-error (a redirect to http://localhost:${port} was denied: not a granted origin)`),
    );
    expect(hits).toEqual(['GET /to-other-origin']);
    expect(c.denials).toEqual([{ capability: 'http', detail: `http://localhost:${port}` }]);
  });

  it('gives up on a redirect loop after the hop limit', async () => {
    hits.length = 0;
    c.denials.length = 0;
    expect(await c.call('fetch', { url: `http://127.0.0.1:${port}/loop` })).toEqual(
      error('error: internal-error (more than 20 redirects)'),
    );
    expect(hits.length).toBe(21);
    expect(c.host.restarts).toBe(0);
  });

  it('denies an origin that is not listed: another host name or port for the same server', async () => {
    c.denials.length = 0;
    hits.length = 0;
    expect(await c.call('fetch', { url: `http://localhost:${port}/hello` })).toEqual(error('denied: HTTP-request-denied'));
    expect(await c.call('fetch', { url: `https://127.0.0.1:${port}/hello` })).toEqual(error('denied: HTTP-request-denied'));
    expect(c.denials).toEqual([
      { capability: 'http', detail: `http://localhost:${port}` },
      { capability: 'http', detail: `https://127.0.0.1:${port}` },
    ]);
    expect(hits).toEqual([]);
    expect(c.host.restarts).toBe(0);
  });
});

describe("with httpOrigins ['*']", () => {
  let c: Instance;
  beforeAll(async () => {
    c = await load({ httpOrigins: ['*'], dirs: { '/data': { dir: {} } } });
  });
  afterAll(async () => c?.close());

  it('fetches from any origin', async () => {
    hits.length = 0;
    expect(await c.call('fetch', { url: `http://127.0.0.1:${port}/star` })).toEqual(text('status 200: hello from /star'));
    expect(hits).toEqual(['GET /star']);
    expect(c.denials).toEqual([]);
  });

  it('reports a failed request as its wasi:http error-code, not as a denial', async () => {
    // Port 1 on 127.0.0.1: nothing listens there. The shim maps fetch's TypeError to internal-error.
    expect(await c.call('fetch', { url: 'http://127.0.0.1:1/' })).toEqual(error('error: internal-error (fetch failed)'));
    expect(c.denials).toEqual([]);
  });

  it('grants nothing else: no environment variables, and only the directories given', async () => {
    expect(await c.call('env')).toEqual(text('{}'));
    expect(await c.call('list-dirs')).toEqual(text('{"/data":[]}'));
  });
});
