import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { browser } from 'wxt/browser';
import type { JournalEntry } from '../../../utils/alerts';
import type { MonitorView } from '../../../utils/monitor';
import { type BidiConnection, connectBidi } from './webdriver-bidi';

export const FIREFOX_EXTENSION_PATH = resolve(import.meta.dirname, '../../../.output/firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The manifest's `browser_specific_settings.gecko.id`. */
const GECKO_ID = 'token-monitor-notifier@example.org';
/** Pinned through a pref, so the test knows the moz-extension:// address before the add-on is installed. */
export const EXTENSION_UUID = '5e0a7c1d-2f4b-4c9e-8a61-3d7b9f0e2c48';

const STARTUP_TIMEOUT_MS = 30_000;
const SHUTDOWN_TIMEOUT_MS = 5_000;

/**
 * The extension API as Firefox pages see it: `browser.*`, promise-based (MV2's `chrome.*` takes callbacks).
 * WXT's types follow Chrome, whose MV2 browserAction takes callbacks only: add Firefox's promise form.
 */
export type ExtensionApi = typeof browser & {
  browserAction: { getBadgeText(details: Record<string, never>): Promise<string> };
};

const PREFS: Record<string, string | number | boolean> = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
  // Headless notifications through libnotify close at once; Firefox's own alert windows stay listed.
  'alerts.useSystemBackend': false,
  // A temporary install needs no signature; set anyway so a permanent install would not be refused.
  'xpinstall.signatures.required': false,
  // On by default in desktop Firefox; pinned so a changed default cannot silently turn speech off.
  'media.webspeech.synth.enabled': true,
  // First-run pages, telemetry, updates and default-browser checks are noise and network traffic.
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'app.normandy.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'browser.region.network.url': '',
  'browser.safebrowsing.downloads.remote.enabled': false,
};

const writeProfile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tmn-firefox-'));
  const lines = Object.entries(PREFS).map(
    ([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`,
  );
  writeFileSync(join(dir, 'user.js'), `${lines.join('\n')}\n`);
  return dir;
};

/** Keeps the last lines Firefox printed, for error messages. */
const outputTail = (child: ChildProcess, keep = 40) => {
  const lines: string[] = [];
  const take = (chunk: Buffer) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - keep));
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => lines.join('\n');
};

/** Firefox prints the BiDi address once its remote agent listens; port 0 lets it pick a free one. */
const waitForBidiUrl = (child: ChildProcess, tail: () => string) =>
  new Promise<string>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`Firefox did not start: ${why}\n--- Firefox output ---\n${tail()}`));
    };
    const timer = setTimeout(
      () => fail(`no "WebDriver BiDi listening" within ${STARTUP_TIMEOUT_MS} ms`),
      STARTUP_TIMEOUT_MS,
    );
    const look = (chunk: Buffer) => {
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(String(chunk));
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    child.stderr?.on('data', look);
    child.stdout?.on('data', look);
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    child.once('error', (error) => fail(error.message));
  });

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

const signalGroup = (child: ChildProcess, name: NodeJS.Signals) => {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, name);
  } catch {
    // The group is already gone.
  }
};

/**
 * Firefox forks content processes into its group: the whole group goes, or they outlive the test (even
 * when the main process already died).
 */
const killGroup = async (child: ChildProcess) => {
  if (isRunning(child)) {
    const exited = new Promise((done) => child.once('exit', done));
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), SHUTDOWN_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
  signalGroup(child, 'SIGKILL');
};

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

const evaluateIn = async (bidi: BidiConnection, context: string, expression: string) => {
  const reply = await bidi.send<EvaluateResult>('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (reply.type === 'exception')
    throw new Error(`script threw in the extension page: ${reply.exceptionDetails?.text}`);
  if (reply.result?.type !== 'string') throw new Error(`unexpected script result: ${JSON.stringify(reply.result)}`);
  return JSON.parse(reply.result.value as string) as unknown;
};

export interface FirefoxLaunchOptions {
  /** Extra environment for Firefox (speech-dispatcher's address, for one). */
  env?: Record<string, string>;
}

const startFirefox = async (profileDir: string, env: Record<string, string>) => {
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing (apt-get install firefox-esr, or set FIREFOX_PATH)`);
  const child = spawn(
    FIREFOX,
    [
      '--headless',
      '--no-remote',
      '--profile',
      profileDir,
      '--remote-debugging-port',
      '0',
      '--remote-allow-system-access',
    ],
    // Its own process group, so closing ends the content processes too.
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', ...env },
    },
  );
  const tail = outputTail(child);
  try {
    const url = await waitForBidiUrl(child, tail);
    const bidi = await connectBidi(`${url}/session`);
    return { child, bidi, tail };
  } catch (error) {
    await killGroup(child);
    throw error;
  }
};

/** Firefox ESR with the built Firefox extension installed as a temporary add-on, driven over WebDriver BiDi. */
export const launchFirefox = async (options: FirefoxLaunchOptions = {}) => {
  const profileDir = writeProfile();
  let started: Awaited<ReturnType<typeof startFirefox>>;
  try {
    started = await startFirefox(profileDir, options.env ?? {});
  } catch (error) {
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
  const { child, bidi, tail } = started;
  const close = async () => {
    await bidi.send('browser.close', {}, 3_000).catch(() => {});
    bidi.close();
    await killGroup(child);
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    // session.new waits for the first window to finish starting up: 5-8 s on a busy two-core machine.
    await bidi.send('session.new', { capabilities: {} }, 30_000);
    await bidi.send('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_EXTENSION_PATH } }, 20_000);
  } catch (error) {
    await close();
    throw new Error(`${(error as Error).message}\n--- Firefox output ---\n${tail()}`);
  }
  return firefoxHandle(bidi, close, tail);
};

const firefoxHandle = (bidi: BidiConnection, close: () => Promise<void>, output: () => string) => {
  const pageUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;

  const openTab = async (path: string) => {
    const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    await bidi.send('browsingContext.navigate', { context, url: pageUrl(path), wait: 'complete' });
    return context;
  };

  let probe: Promise<string> | null = null;
  /**
   * Runs `fn` in an extension page with the extension API and returns its (JSON) result. The function is
   * sent as source: it must not use anything from the test's scope except `arg`.
   */
  const inExtension = async <R, A = undefined>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg?: A) => {
    // A failed open is not cached: the next call tries again.
    probe ??= openTab('/popup.html').catch((error: unknown) => {
      probe = null;
      throw error;
    });
    const context = await probe;
    const expression = `(async () => JSON.stringify((await (${fn.toString()})(globalThis.browser, ${JSON.stringify(arg ?? null)})) ?? null))()`;
    return (await evaluateIn(bidi, context, expression)) as R;
  };

  return { pageUrl, openTab, inExtension, output, close };
};

export type FirefoxBrowser = Awaited<ReturnType<typeof launchFirefox>>;

// What the user can see of the extension from outside, read through Firefox's promise-based `browser.*`.

export const monitorView = (firefox: FirefoxBrowser) =>
  firefox.inExtension(
    async (api) => ((await api.storage.session.get('monitorView')).monitorView ?? null) as MonitorView | null,
  );

export const alertJournal = (firefox: FirefoxBrowser) =>
  firefox.inExtension(
    async (api) => ((await api.storage.local.get('alertJournal')).alertJournal ?? []) as JournalEntry[],
  );

/** MV2: the toolbar button is browserAction. */
export const badgeText = (firefox: FirefoxBrowser) => firefox.inExtension((api) => api.browserAction.getBadgeText({}));

export const notificationIds = (firefox: FirefoxBrowser) =>
  firefox.inExtension(async (api) => Object.keys(await api.notifications.getAll()).sort());

/**
 * The Chinese voices the background page can choose from: the registry is shared by the extension's pages,
 * so the probe page sees the same list. Filtered here: espeak-ng offers over 13,000 voices.
 */
export const chineseVoices = (firefox: FirefoxBrowser) =>
  firefox.inExtension(() =>
    globalThis.speechSynthesis
      .getVoices()
      .filter((voice) => /^(zh|cmn|yue)([-_]|$)/i.test(voice.lang))
      .map((voice) => `${voice.name} (${voice.lang})`),
  );

export const setSettings = (firefox: FirefoxBrowser, change: Record<string, unknown>) =>
  firefox.inExtension(async (api, patch) => {
    const { settings } = await api.storage.sync.get('settings');
    await api.storage.sync.set({ settings: { ...(settings ?? {}), ...patch } });
  }, change);
