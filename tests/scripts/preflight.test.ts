// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const PREFLIGHT = fileURLToPath(new URL('../../scripts/preflight.mjs', import.meta.url));
const LIST = fileURLToPath(new URL('../../scripts/system-packages.txt', import.meta.url));
const CI_RUN = fileURLToPath(new URL('../../.ci/run', import.meta.url));
const isRoot = process.getuid?.() === 0;

const listedPackages = () =>
  readFileSync(LIST, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0] ?? '');

/**
 * A PATH holding only fake dpkg-query and (optionally) apt-get: dpkg-query answers from a file of installed
 * names, apt-get logs its arguments and "installs" by adding names to that file.
 */
const fakeSystem = (dir: string, installed: string[], options: { aptGet: boolean; aptInstalls?: boolean }) => {
  const state = join(dir, 'installed');
  const log = join(dir, 'apt.log');
  writeFileSync(state, installed.map((name) => `${name}\n`).join(''));
  const script = (name: string, body: string) => {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  script(
    'dpkg-query',
    `for last; do :; done\nif /bin/grep -qx "$last" "${state}"; then printf 'install ok installed'; else echo "no packages found matching $last" >&2; exit 1; fi`,
  );
  if (options.aptGet) {
    const install =
      options.aptInstalls === false ? ':' : `[ "$a" = "\${a#-}" ] && [ "$a" != install ] && echo "$a" >> "${state}"`;
    script('apt-get', `echo "$*" >> "${log}"\nif [ "$1" = install ]; then for a; do ${install}; done; fi\nexit 0`);
  }
  return { log, state };
};

const runPreflight = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [PREFLIGHT, ...args], { encoding: 'utf8', env: { PATH: dir } });

describe('preflight of the system packages', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tmn-preflight-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names speech-dispatcher-espeak-ng itself, since it is only a Recommends of speech-dispatcher', () => {
    expect(listedPackages()).toEqual(
      expect.arrayContaining([
        'chromium',
        'firefox-esr',
        'speech-dispatcher',
        'speech-dispatcher-espeak-ng',
        'espeak-ng',
      ]),
    );
  });

  it('is what .ci/run runs, so CI and npm test install from the same list', () => {
    const ciRun = readFileSync(CI_RUN, 'utf8');
    expect(ciRun).toContain('node scripts/preflight.mjs');
    expect(ciRun).not.toMatch(/apt-get install/);
  });

  it('passes silently when every package is installed', () => {
    fakeSystem(dir, listedPackages(), { aptGet: true });
    const result = runPreflight(dir);
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });

  it('stops with one line naming the exact install command when it may not install', () => {
    const { log } = fakeSystem(
      dir,
      listedPackages().filter((name) => name !== 'speech-dispatcher-espeak-ng'),
      { aptGet: true },
    );
    const result = runPreflight(dir, '--no-install');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('missing (speech-dispatcher-espeak-ng)');
    expect(result.stderr).toContain('apt-get install -y --no-install-recommends speech-dispatcher-espeak-ng');
    expect(existsSync(log)).toBe(false);
  });

  it('stops with the install command when apt-get is not there', () => {
    fakeSystem(dir, [], { aptGet: false });
    const result = runPreflight(dir);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`apt-get install -y --no-install-recommends ${listedPackages().join(' ')}`);
  });

  it.runIf(isRoot)('installs what is missing as root, says so, and checks it landed', () => {
    const { log, state } = fakeSystem(dir, ['chromium', 'fonts-noto-cjk'], { aptGet: true });
    const result = runPreflight(dir);
    expect(result.status).toBe(0);
    const missing = listedPackages().filter((name) => !['chromium', 'fonts-noto-cjk'].includes(name));
    expect(result.stdout).toContain(`installing the system packages the end-to-end tests need: ${missing.join(', ')}`);
    const aptCalls = readFileSync(log, 'utf8').trim().split('\n');
    expect(aptCalls.filter((call) => call !== '--version')).toEqual([
      'update -qq',
      `install -y --no-install-recommends ${missing.join(' ')} -qq`,
    ]);
    expect(readFileSync(state, 'utf8').trim().split('\n').sort()).toEqual([...listedPackages()].sort());
  });

  it.runIf(isRoot)('fails when apt-get reports success but a package is still missing', () => {
    fakeSystem(dir, [], { aptGet: true, aptInstalls: false });
    const result = runPreflight(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('still not installed');
  });
});
