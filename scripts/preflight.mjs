#!/usr/bin/env node
// Before the end-to-end tests: are the Debian packages they need installed? Where they are not and this
// process may install them (root, with apt-get on PATH, as in CI and containers), it installs them and
// says so; otherwise it stops at once with one line naming the exact command. Plain JavaScript so that
// .ci/run can call it before `npm ci`.
//
//   node scripts/preflight.mjs               check, install what is missing when allowed
//   node scripts/preflight.mjs --no-install  check only
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIST = resolve(dirname(fileURLToPath(import.meta.url)), 'system-packages.txt');

/** The package names in system-packages.txt: the first word of each line that is not a comment. */
const requiredPackages = () =>
  readFileSync(LIST, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0]);

/** Runs a command found on PATH; `null` when there is no such command. */
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return result.error?.code === 'ENOENT' ? null : result;
};

const isInstalled = (name) => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal ${Status} is dpkg-query syntax
  const result = run('dpkg-query', ['-W', '-f=${Status}', name]);
  if (result === null) return null;
  return result.status === 0 && result.stdout.includes('install ok installed');
};

const installArgs = (names) => ['install', '-y', '--no-install-recommends', ...names];
const installCommand = (names) => `apt-get ${installArgs(names).join(' ')}`;

const fail = (line) => {
  console.error(line);
  process.exit(1);
};

const packages = requiredPackages();
const installed = packages.map(isInstalled);
if (installed.includes(null)) {
  fail(
    `preflight: dpkg-query was not found, so the system packages cannot be checked. The end-to-end tests need ` +
      `Debian's ${packages.join(', ')} (see scripts/system-packages.txt).`,
  );
}
const missing = packages.filter((_, index) => !installed[index]);
if (missing.length === 0) process.exit(0);

const mayInstall = !process.argv.includes('--no-install') && process.getuid?.() === 0 && run('apt-get', ['--version']);
if (!mayInstall) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  fail(
    `preflight: the end-to-end tests need system packages that are missing (${missing.join(', ')}). ` +
      `Install them with: ${sudo}apt-get update && ${sudo}${installCommand(missing)}`,
  );
}

console.log(`preflight: installing the system packages the end-to-end tests need: ${missing.join(', ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  [...installArgs(missing), '-qq'],
]) {
  const result = run('apt-get', args, { env, stdio: 'inherit' });
  if (result?.status !== 0) fail(`preflight: \`apt-get ${args.join(' ')}\` failed (exit ${result?.status}).`);
}
const stillMissing = missing.filter((name) => !isInstalled(name));
if (stillMissing.length > 0) fail(`preflight: apt-get ran, yet ${stillMissing.join(', ')} is still not installed.`);
console.log('preflight: system packages installed.');
