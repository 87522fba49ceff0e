import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const EXTENSION_PATH = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /** Another build to load (an older version, to update from); this checkout's build by default. */
  extensionPath?: string;
  /** Reuse a profile to restart "the same browser"; a fresh temporary one otherwise. */
  profileDir?: string;
  /** Extra environment for the browser process (speech-dispatcher's address, for one). */
  env?: Record<string, string>;
  args?: string[];
  /** Default light. */
  colorScheme?: 'light' | 'dark';
  /** Default zh-CN headless; a window keeps the system's language. */
  locale?: string;
  /** false: a window for a person (the demo), at the window's own size. Default true. */
  headless?: boolean;
  /**
   * Also wait for Playwright to report the extension's service worker, for code that must run in the worker
   * itself (serviceWorker()); a launch where it never does counts as failed. Off by default: now and then
   * Playwright misses a worker that started with the browser, and nothing else needs its handle.
   */
  waitForWorker?: boolean;
}

const LAUNCH_ATTEMPTS = 3;
const CONFIRM_TIMEOUT_MS = 15_000;
const WORKER_TIMEOUT_MS = 10_000;

const BROWSER_ARGS = [
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Headless runs in containers, as root and without a GPU; a window for a person keeps both where it can. */
const HEADLESS_ARGS = ['--no-sandbox', '--disable-gpu'];
const ROOT_ARGS = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

/** Chrome's id alphabet: SHA-256, first 16 bytes as hex, each hex digit 0–f written as a letter a–p. */
const idFromBytes = (bytes: string | Buffer) =>
  [...createHash('sha256').update(bytes).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16)))
    .join('');

/**
 * The id Chrome gives an unpacked extension: from the manifest's public key if it has one, else from the
 * directory's absolute path with symlinks resolved (the path as --load-extension ends up seeing it).
 */
export const unpackedExtensionId = (extensionPath: string): string => {
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')) as { key?: string };
  return manifest.key ? idFromBytes(Buffer.from(manifest.key, 'base64')) : idFromBytes(realpathSync(extensionPath));
};

/**
 * Playwright types the function's argument as Unboxed<A>, which TypeScript cannot relate to a generic A.
 * Every argument here is plain JSON, for which the two are the same type.
 */
export const asPageFunction = <R, A>(fn: (arg: A) => R | Promise<R>) => fn as (arg: unknown) => R | Promise<R>;

const messageOf = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] : String(error));

const launchOnce = async (options: LaunchOptions, extensionId: string) => {
  const headless = options.headless ?? true;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'tmn-profile-'));
  const removeProfile = () => {
    if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
  };

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless,
      colorScheme: options.colorScheme ?? 'light',
      ...(headless ? { locale: options.locale ?? 'zh-CN' } : { viewport: null, locale: options.locale }),
      env: { ...process.env, ...options.env } as Record<string, string>,
      args: [
        ...BROWSER_ARGS,
        ...(headless ? HEADLESS_ARGS : ROOT_ARGS),
        `--disable-extensions-except=${options.extensionPath ?? EXTENSION_PATH}`,
        `--load-extension=${options.extensionPath ?? EXTENSION_PATH}`,
        ...(options.args ?? []),
      ],
    });
  } catch (error) {
    removeProfile();
    throw error;
  }

  const pageUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  const isOurs = (worker: Worker) => new URL(worker.url()).host === extensionId;

  // One probe page, shared by concurrent callers while it loads; reopened if a test closed it.
  let probe: Promise<Page> | null = null;
  let probePage: Page | null = null;
  const openProbe = (): Promise<Page> => {
    if (!probe || probePage?.isClosed()) {
      probePage = null;
      const opening = (async () => {
        const page = await context.newPage();
        probePage = page;
        try {
          await page.goto(pageUrl('/options.html'), { timeout: CONFIRM_TIMEOUT_MS });
        } catch (error) {
          await page.close().catch(() => {});
          throw error;
        }
        return page;
      })();
      probe = opening;
      opening.catch(() => {
        if (probe === opening) probe = null;
      });
    }
    return probe;
  };
  /**
   * Runs code in an extension page, which has the chrome.* APIs and, unlike worker.evaluate, never hangs
   * while the service worker is stopped.
   */
  const inExtension = async <R, A = Record<string, unknown>>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> =>
    (await openProbe()).evaluate(asPageFunction(fn), arg);

  /** The extension's service worker as Playwright reports it, for code that must run in the worker. */
  const serviceWorker = async (timeout = WORKER_TIMEOUT_MS): Promise<Worker> =>
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout }).catch(() => {
      throw new Error(`Playwright did not report the service worker of ${extensionId} within ${timeout} ms`);
    }));

  const close = async ({ keepProfile = false } = {}) => {
    await context.close();
    if (!keepProfile) removeProfile();
  };

  try {
    // The id is known without the worker; the extension is confirmed by its worker being listed, or else by
    // one of its pages loading under that id and reporting it as chrome.runtime.id.
    if (!context.serviceWorkers().some(isOurs)) {
      const page = await openProbe().catch((error: unknown) => {
        throw new Error(`no page of extension ${extensionId} loads (${messageOf(error)})`);
      });
      const runtimeId = await page.evaluate(() => chrome.runtime.id);
      if (runtimeId !== extensionId) throw new Error(`options.html reports id ${runtimeId}, not ${extensionId}`);
    }
    if (options.waitForWorker) await serviceWorker();
  } catch (error) {
    await context.close().catch(() => {});
    removeProfile();
    throw error;
  }

  return {
    context,
    extensionId,
    profileDir,
    pageUrl,
    inExtension,
    serviceWorker,
    async openPage(path: string, viewport = { width: 380, height: 560 }) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(pageUrl(path));
      return page;
    },
    close,
  };
};

/**
 * Chromium with the built extension loaded, as a user who just installed it has it. A launch that fails is
 * closed (its temporary profile removed) and tried again, up to three times in all.
 */
export const launchExtensionBrowser = async (options: LaunchOptions = {}) => {
  const extensionId = unpackedExtensionId(options.extensionPath ?? EXTENSION_PATH);
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchOnce(options, extensionId);
    } catch (error) {
      if (attempt >= LAUNCH_ATTEMPTS) {
        throw new Error(`Chromium with the extension failed ${attempt} launches: ${messageOf(error)}`, {
          cause: error,
        });
      }
      console.warn(`[extension-browser] launch ${attempt} failed (${messageOf(error)}); closed it, relaunching`);
    }
  }
};

export type ExtensionBrowser = Awaited<ReturnType<typeof launchExtensionBrowser>>;
