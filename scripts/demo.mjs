#!/usr/bin/env node
// One command from a fresh clone to a working demo: install, build, start the simulator, then open
// Chromium with the extension pointed at it (or, with no display, leave the build ready to load).
// Plain JavaScript on purpose: it runs before any dependency is installed.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNpmDependencies } from './npm-deps.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

ensureNpmDependencies();
run('npx', ['wxt', 'build']);
const demo = spawn('npx', ['tsx', 'scripts/demo-browser.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => demo.kill(signal));
demo.on('exit', (code) => process.exit(code ?? 0));
