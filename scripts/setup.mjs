#!/usr/bin/env node
// Installs what `npm start` and `npm test` need on a fresh clone, and nothing
// twice: dependencies (when node_modules is missing or older than the lock
// file), the example components, the Node CLI build, and Debian's Chromium
// for the browser tests (never a browser download).
//   node scripts/setup.mjs [--examples] [--cli] [--chromium]
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const want = new Set(process.argv.slice(2));
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || mtime(installed) < mtime(lock)) {
  console.log('setup: installing dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

// npm scripts put node_modules/.bin first on PATH, where the `node` package puts Node 24.
const npmBin = join(root, 'node_modules', '.bin');
const env = { ...process.env, PATH: `${npmBin}:${process.env.PATH}` };

if (want.has('--examples')) run('node', ['examples/build.mjs'], { env });
if (want.has('--cli')) run('npm', ['run', '--silent', 'build:cli'], { env });

if (want.has('--chromium') && !existsSync('/usr/bin/chromium')) {
  console.log('setup: installing Debian chromium for the browser tests');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (...args) => run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args]);
  apt('update', '-qq');
  apt('install', '-y', '-qq', '--no-install-recommends', 'chromium');
}
