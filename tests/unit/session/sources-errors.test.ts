/** What a failed URL load says: an HTML answer is a missing file, and an unreachable other origin is likely CORS. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fromUrl } from '../../../src/session/sources.js';

let server: Server;
let base: string;

beforeAll(async () => {
  // Like vite's dev and preview servers: any path gets the page, with 200.
  server = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>app</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('reports an HTML answer as not found', async () => {
  await expect(fromUrl('missing.wasm', base).read()).rejects.toMatchObject({
    code: 'READ_FAILED',
    message: `could not fetch ${base}missing.wasm: not found (the server answered an HTML page)`,
  });
});

it('says that CORS likely stopped a failed fetch from another origin, and what the server must send', async () => {
  // Nothing listens on port 9 of this machine: the fetch fails as a CORS refusal would, without an answer.
  const said = await fromUrl('http://127.0.0.1:9/component.wasm', base)
    .read()
    .then(
      () => 'read',
      (e: unknown) => (e as Error).message,
    );
  expect(said).toMatch(/CORS likely stopped it/);
  expect(said).toContain(`Access-Control-Allow-Origin: * (or this page's origin, ${new URL(base).origin})`);
});
