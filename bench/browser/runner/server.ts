/**
 * Serving for the browser benchmark: a small static server for the bench page
 * (its build plus public/examples, with the MIME types module workers and
 * wasm compilation insist on), and `vite preview` of the app's dist/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

export interface Served {
  url: string;
  close(): Promise<void>;
}

/**
 * Cross-origin isolation: without it Chromium rounds performance.now() to
 * 100 µs, too coarse for round trips of about that length (with it: 5 µs).
 */
export const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/** Serves `mounts` (URL prefix → directory, longest prefix first) on a free port of 127.0.0.1. */
export async function serveStatic(mounts: [prefix: string, dir: string][], headers: Record<string, string> = {}): Promise<Served> {
  const server = createHttpServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    const rest = mount ? path.slice(mount[0].length) : '';
    const file = mount ? normalize(join(mount[1], rest === '' ? 'index.html' : rest)) : '';
    if (!mount || !file.startsWith(normalize(mount[1]) + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      // As a production host would: hashed build output is immutable, anything else is revalidated.
      'cache-control': /-[\w-]{8}\.\w+$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...headers,
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs vite (build or preview) with the repository's vite, as `npm run build` would. */
export function vite(args: string[]): ChildProcess {
  return spawn(process.execPath, [VITE, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    // NODE_ENV=production: a test runner's NODE_ENV=test would give React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export async function viteBuild(args: string[]): Promise<void> {
  const child = vite(['build', '--logLevel', 'error', ...args]);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`vite build ${args.join(' ')} failed (${code}): ${stderr}`);
}

