/**
 * The browser playground (issue #3). Workers are ES modules (jco holds a
 * dynamic `import('node:fs/promises')` that an iife worker cannot build);
 * jco is kept out of dependency pre-bundling so its transpiler wasm stays next
 * to its JS in dev (shared/notes/toolchain-facts.md, "Browser path").
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The least CSP that works: Blob-URL import of jco's generated module and wasm
 * compilation. Only in the build: the dev server injects inline scripts.
 */
const CSP = "script-src 'self' 'wasm-unsafe-eval' blob:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'";

function contentSecurityPolicy(): Plugin {
  return {
    name: 'playground-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
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
