/** Where component bytes come from: a bundled example, a file, or a URL. */
import * as z from 'zod/v4';
import { checkSize, MAX_COMPONENT_BYTES } from '../host/file-check.js';
import type { OpenRequest, UrlOpenRequest } from './servers.js';

export const ExampleSchema = z.object({
  name: z.string(),
  file: z.string(),
  description: z.string(),
  toolchain: z.string(),
  kind: z.enum(['server', 'hostile']),
});
export type Example = z.infer<typeof ExampleSchema>;

/** The bytes could not be read; `code` is what the status panel shows next to the message. */
export class ReadError extends Error {
  readonly code = 'READ_FAILED';
  override name = 'ReadError';
}

/**
 * Why a fetch that never got an answer failed. The browser says only "Failed to fetch"; for
 * another origin the usual cause is CORS, and what fixes it is on that server.
 */
function unreachable(url: string, e: unknown, base: string): ReadError {
  const said = e instanceof Error ? e.message : String(e);
  if (new URL(url).origin === new URL(base).origin) return new ReadError(`could not fetch ${url}: ${said}`);
  return new ReadError(
    `could not fetch ${url}: ${said}. It is on another origin, so CORS likely stopped it (or the server is unreachable): ` +
      `the server must answer with Access-Control-Allow-Origin: * (or this page's origin, ${new URL(base).origin}).`,
  );
}

async function fetchBytes(url: string, base: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw unreachable(url, e, base);
  }
  if (!response.ok) throw new ReadError(`could not fetch ${url}: HTTP ${response.status} ${response.statusText}`);
  // Dev and preview servers answer a missing file with their index.html and 200.
  if (/^text\/html\b/i.test(response.headers.get('content-type') ?? '')) {
    await response.body?.cancel();
    throw new ReadError(`could not fetch ${url}: not found (the server answered an HTML page)`);
  }
  // A huge body is refused by its declared size, or as soon as it grows past the limit.
  const declared = Number(response.headers.get('content-length'));
  if (declared > 0) checkSize(declared);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.length;
    if (total > MAX_COMPONENT_BYTES) {
      await reader.cancel();
      checkSize(total);
    }
    chunks.push(read.value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** The examples the build put under public/examples; an empty list if there are none. */
export async function loadExamples(base: string): Promise<Example[]> {
  const response = await fetch(new URL('examples/index.json', base));
  if (!response.ok) return [];
  return z.array(ExampleSchema).parse(await response.json());
}

export function fromExample(example: Example, base: string): OpenRequest {
  const url = new URL(`examples/${example.file}`, base).href;
  return { name: example.name, origin: `example ${example.file}`, source: { type: 'example', name: example.name }, read: () => fetchBytes(url, base) };
}

export function fromFile(file: File): OpenRequest {
  return {
    name: file.name.replace(/\.wasm$/i, ''),
    origin: `file ${file.name}`,
    source: { type: 'file', name: file.name },
    read: async () => {
      // A huge file is refused by its size, before the page reads it into memory.
      checkSize(file.size);
      return new Uint8Array(await file.arrayBuffer());
    },
  };
}

/** A URL that does not parse still opens a server, one that says why it could not be read. */
export function fromUrl(url: string, base: string): UrlOpenRequest {
  let absolute: URL;
  try {
    absolute = new URL(url, base);
  } catch {
    return { name: 'component', origin: url, source: { type: 'url', url }, read: () => Promise.reject(new ReadError(`not a URL: ${url}`)) };
  }
  const last = absolute.pathname.split('/').filter(Boolean).pop() ?? 'component';
  return { name: last.replace(/\.wasm$/i, ''), origin: absolute.href, source: { type: 'url', url: absolute.href }, read: () => fetchBytes(absolute.href, base) };
}
