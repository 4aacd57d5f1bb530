/**
 * The browser playground (issue #3). Workers are ES modules (jco holds a
 * dynamic `import('node:fs/promises')` that an iife worker cannot build);
 * jco is kept out of dependency pre-bundling so its transpiler wasm stays next
 * to its JS in dev (shared/notes/toolchain-facts.md, "Browser path").
 */
import { createHash } from 'node:crypto';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';

/**
 * The page's Content Security Policy, the same under `npm start` and in the
 * build: nothing unless listed. Scripts from the page's origin, plus what
 * jco's generated module needs (imported from a blob: URL, compiling wasm);
 * workers from the origin or blob:; fetches to the origin (examples), and to
 * any https URL or this machine (`?url=`); images and audio as data: URLs
 * (content from components); inline styles (Monaco and the dev server insert
 * <style> elements); frames of the page's origin, which is the sandbox MCP App
 * views run in (public/app-sandbox.html, with a policy of its own). The
 * component workers are same-origin scripts with no policy of their own, so a
 * component's granted HTTP is not limited here.
 */
const POLICY: Record<string, string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'", 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ['data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'frame-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/** A page may not be framed: only a header can say so (a <meta> policy ignores frame-ancestors). */
const FRAMING = { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' };
/** Except the MCP App sandbox, which the page itself frames. */
const SANDBOX_PATH = '/app-sandbox.html';
const SANDBOX_FRAMING = { 'Content-Security-Policy': "frame-ancestors 'self'", 'X-Frame-Options': 'SAMEORIGIN' };

/** The framing headers, by path, for the dev server and `vite preview` alike. */
function framing(): Plugin {
  const headers: Connect.NextHandleFunction = (req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    for (const [name, value] of Object.entries(path === SANDBOX_PATH ? SANDBOX_FRAMING : FRAMING)) res.setHeader(name, value);
    next();
  };
  return {
    name: 'playground-framing',
    configureServer: (server) => void server.middlewares.use(headers),
    configurePreviewServer: (server) => void server.middlewares.use(headers),
  };
}

/** The policy as a <meta> can carry it, allowing the inline scripts `html` has by their hashes (dev has one). */
function policyFor(html: string): string {
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`,
  );
  const directives = { ...POLICY, 'script-src': [...POLICY['script-src']!, ...inline] };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'playground-csp',
    // Last, so that the dev server's inline script is already in the page to be hashed.
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(/<head>/, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policyFor(html)}" />`),
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), framing()],
  worker: { format: 'es' },
  build: { target: 'esnext', chunkSizeWarningLimit: 4096 },
  optimizeDeps: {
    exclude: ['@bytecodealliance/jco', '@bytecodealliance/jco-transpile'],
    // Scan the workers too, or the dev server finds their dependencies late and reloads the page mid-load.
    entries: ['index.html', 'src/worker/browser-entry.ts', 'src/worker/wit-entry.ts'],
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
