/**
 * The benchmark page, built on its own: root bench/browser, output
 * bench/browser/dist. Same worker format and target as the app's config,
 * none of its plugins, and no public directory: the runner serves the
 * examples from public/examples itself.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  worker: { format: 'es' },
  build: { target: 'esnext', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 8192 },
});
