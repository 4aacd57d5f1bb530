/** A huge component, dropped or fetched, is refused by its size without being read whole. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_COMPONENT_BYTES } from '../../../src/host/file-check.js';
import { fromFile, fromUrl } from '../../../src/session/sources.js';

it('refuses a file over the size limit without reading it', async () => {
  let read = false;
  const huge = {
    name: 'huge.wasm',
    size: MAX_COMPONENT_BYTES + 1,
    arrayBuffer: async () => {
      read = true;
      return new ArrayBuffer(0);
    },
  } as unknown as File;
  await expect(fromFile(huge).read()).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/^the file is 100\.0 MiB/) });
  expect(read).toBe(false);
});

describe('a component from a URL', () => {
  let server: Server;
  let base: string;
  let sent = 0;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/declared.wasm') {
        // Declares more than the limit, then sends nothing: refused on the header alone.
        response.writeHead(200, { 'content-length': String(MAX_COMPONENT_BYTES + 1) });
        response.flushHeaders();
        return;
      }
      // No declared length: 1 MiB chunks for as long as the client reads.
      response.writeHead(200);
      const chunk = Buffer.alloc(2 ** 20);
      const more = () => {
        while (!response.destroyed && sent <= MAX_COMPONENT_BYTES + 8 * 2 ** 20) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', more);
        }
        response.end();
      };
      more();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('is refused by its declared size before the body is read', async () => {
    await expect(fromUrl('declared.wasm', base).read()).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('is refused once an undeclared body grows past the limit', async () => {
    await expect(fromUrl('stream.wasm', base).read()).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('that does not parse opens a server that says so', async () => {
    const request = fromUrl('http://[', base);
    await expect(request.read()).rejects.toMatchObject({ code: 'READ_FAILED', message: 'not a URL: http://[' });
  });
});
