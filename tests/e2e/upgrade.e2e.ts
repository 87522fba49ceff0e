import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator/server';
import { EXTENSION_PATH, type ExtensionBrowser, launchExtensionBrowser } from './harness/extension-browser';
import { alertJournal, monitorView, setSettings, waitFor } from './harness/extension-probes';
import { startTestSimulator } from './harness/simulator-fixture';

/** The last version that watched a single server URL: what users update from. */
const SINGLE_SERVER_VERSION = '741056a4437a791215cf76cd337b55c4ebd7ffc5';
const ROOT = resolve(import.meta.dirname, '../..');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** That version's Chrome build, from this repository's history, built as users got it. */
const buildSingleServerVersion = (into: string) => {
  const checkout = join(into, 'source');
  execFileSync('git', ['worktree', 'add', '--detach', checkout, SINGLE_SERVER_VERSION], { cwd: ROOT, stdio: 'ignore' });
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'));
    execFileSync('npx', ['wxt', 'build'], {
      cwd: checkout,
      stdio: 'ignore',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    cpSync(join(checkout, '.output/chrome-mv3'), join(into, 'built'), { recursive: true });
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', checkout], { cwd: ROOT, stdio: 'ignore' });
  }
  return join(into, 'built');
};

describe('updating from the version that watched one server', () => {
  let simulator: Simulator;
  let browser: ExtensionBrowser | undefined;
  let work: string;
  let oldBuild: string;
  /** One unpacked extension directory for both versions: same path, same id, same profile data. */
  let installed: string;
  let profileDir: string;

  const named = async (current: ExtensionBrowser) =>
    (await alertJournal(current)).flatMap((entry) => entry.users.map((user) => `${user.user_id}@${user.expired_time}`));

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'tmn-upgrade-'));
    oldBuild = buildSingleServerVersion(work);
    installed = join(work, 'extension');
    profileDir = join(work, 'profile');
    simulator = await startTestSimulator({ statusInterval: 5 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close({ keepProfile: true });
    await simulator?.stop();
    if (work && existsSync(work)) rmSync(work, { recursive: true, force: true });
  });

  it('keeps the server, the announce memory, the list and the history: nothing is announced again', async () => {
    cpSync(oldBuild, installed, { recursive: true });
    browser = await launchExtensionBrowser({ extensionPath: installed, profileDir });
    await setSettings(browser, { serverUrl: simulator.url });
    await waitFor(
      () => monitorView(browser as ExtensionBrowser),
      (view) => view?.connection.phase === 'open' && view.expiredCount === simulator.stats().totalExpired,
      { timeout: 60_000, what: 'the one-server version connected' },
    );
    simulator.expireNow(2);
    await waitFor(
      () => named(browser as ExtensionBrowser),
      (names) => names.length === 5,
      {
        timeout: 30_000,
        what: 'the one-server version to announce all five',
      },
    );
    // Long enough for its list to be written out (every 30 s) as well as the small state write.
    await sleep(32_000);
    const before = await named(browser);

    await browser.close({ keepProfile: true });

    // The update: the new version's files replace the old ones, and the browser drops the old worker's
    // registration, as it does when the store updates an extension (an unpacked one restarted on changed
    // files keeps running the worker it had registered).
    rmSync(installed, { recursive: true, force: true });
    cpSync(EXTENSION_PATH, installed, { recursive: true });
    rmSync(join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
    browser = await launchExtensionBrowser({ extensionPath: installed, profileDir });
    const view = await waitFor(
      () => monitorView(browser as ExtensionBrowser),
      (current) => current?.servers?.[0]?.connection.phase === 'open' && current.expiredCount === 5,
      { timeout: 60_000, what: 'the updated version connected to the same server' },
    );
    expect(await browser.inExtension(() => chrome.runtime.getManifest().version)).toBe('0.2.0');
    expect(view?.servers.map((server) => server.connection.phase === 'open' && server.connection.url)).toEqual([
      simulator.url,
    ]);
    await sleep(4000);
    expect(await named(browser)).toEqual(before);

    simulator.expireNow(1);
    await waitFor(
      () => named(browser as ExtensionBrowser),
      (names) => names.length === 6,
      {
        what: 'the next expiry announced by the updated version',
      },
    );
    await sleep(3000);
    const names = await named(browser);
    expect(new Set(names).size).toBe(names.length);
  });
});
