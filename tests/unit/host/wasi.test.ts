import { afterEach, describe, expect, it } from 'vitest';
import { wasiImports } from '../../../src/host/wasi.js';
import { nodePlatform } from '../../../src/platform/node/platform.js';

describe('wasiImports', () => {
  const unhandled: unknown[] = [];
  const listener = (reason: unknown) => unhandled.push(reason);
  afterEach(() => {
    process.off('unhandledRejection', listener);
  });

  it('keeps a dropped, never-awaited pollable from rejecting unhandled (it would end a Node host)', async () => {
    process.on('unhandledRejection', listener);
    const { wasi } = await nodePlatform();
    wasiImports(wasi, {}, () => {});
    type Pollable = { block(): Promise<void>; [Symbol.dispose](): void };
    const { pollableCreate } = wasi.io as unknown as { pollableCreate(source: Promise<void>): Pollable };
    // A pollable whose source never settles: block() waits until the pollable is dropped.
    const pollable = pollableCreate(new Promise<void>(() => {}));
    const waiting = pollable.block();
    pollable[Symbol.dispose]();
    await new Promise((r) => setTimeout(r, 20));
    expect(unhandled).toEqual([]);
    // Whoever does wait still learns of it.
    await expect(waiting).rejects.toThrow(/disposed/);
  });

  // Regression: the shim handed out one stderr object, so a guest dropping its handle closed stderr
  // for good and the `everything` fail tool failed on its second call with {tag: 'closed'}.
  it('gives each get-stderr a handle of its own: dropping one leaves stderr open', async () => {
    const { wasi } = await nodePlatform();
    const output: string[] = [];
    const imports = wasiImports(wasi, {}, (stream, text) => output.push(`${stream}:${text}`));
    type Stream = { blockingWriteAndFlush(bytes: Uint8Array): void; [Symbol.dispose](): void };
    const { getStderr } = imports['wasi:cli/stderr'] as { getStderr(): Stream };
    const first = getStderr();
    first.blockingWriteAndFlush(new TextEncoder().encode('one\n'));
    first[Symbol.dispose]();
    getStderr().blockingWriteAndFlush(new TextEncoder().encode('two\n'));
    expect(output).toEqual(['stderr:one\n', 'stderr:two\n']);
  });

  it('grants nothing by default: no environment, no directories', async () => {
    const { wasi } = await nodePlatform();
    const imports = wasiImports(wasi, {}, () => {});
    const env = imports['wasi:cli/environment'] as { getEnvironment(): unknown[] };
    const preopens = imports['wasi:filesystem/preopens'] as { getDirectories(): unknown[] };
    expect(env.getEnvironment()).toEqual([]);
    expect(preopens.getDirectories()).toEqual([]);
  });

  // Regression: the grant compared only scheme://authority, while the shim fetches
  // scheme//authority + path-with-query as they are, and accepts a path without a leading '/'.
  it('checks the origin of the URL really fetched: a path cannot move the request to another host or port', async () => {
    const { wasi } = await nodePlatform();
    const denied: string[] = [];
    const imports = wasiImports(wasi, { httpOrigins: ['https://API.example.com:443'] }, () => {}, (d) => denied.push(d.detail));
    type Request = {
      setScheme(s: { tag: 'HTTPS' }): void;
      setAuthority(a: string): void;
      setPathWithQuery(p: string): void;
    };
    const { OutgoingRequest, Fields } = wasi.http.types as unknown as {
      OutgoingRequest: new (headers: unknown) => Request;
      Fields: new () => unknown;
    };
    const { handle } = imports['wasi:http/outgoing-handler'] as { handle(r: Request, o: unknown): unknown };
    const request = (path: string) => {
      const r = new OutgoingRequest(new Fields());
      r.setScheme({ tag: 'HTTPS' });
      r.setAuthority('api.example.com');
      r.setPathWithQuery(path);
      return r;
    };
    for (const path of ['.attacker.net/exfil', ':8443/admin', '@attacker.net/']) {
      expect(() => handle(request(path), undefined), path).toThrow(expect.objectContaining({ tag: 'HTTP-request-denied' }));
    }
    expect(denied).toEqual(['https://api.example.com.attacker.net', 'https://api.example.com:8443', 'https://attacker.net']);
    const fetched: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((url: string) => {
      fetched.push(String(url));
      return new Promise(() => {});
    }) as typeof fetch;
    try {
      handle(request('/v1/items?q=1'), undefined);
      await new Promise((r) => setTimeout(r, 0));
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched).toEqual(['https://api.example.com/v1/items?q=1']);
  });
});
