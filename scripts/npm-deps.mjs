// The project's npm dependencies, installed from the lock file when a fresh clone has none yet: the two
// commands of the README's quick start set themselves up. Plain JavaScript: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const ensureNpmDependencies = () => {
  if (existsSync(resolve(root, 'node_modules/.package-lock.json'))) return;
  console.log('Installing the npm dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureNpmDependencies();
