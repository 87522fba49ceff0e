import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const EXTENSION_PATH = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /** Reuse a profile to restart "the same browser"; a fresh temporary one otherwise. */
  profileDir?: string;
  /** Extra environment for the browser process (speech-dispatcher's address, for one). */
  env?: Record<string, string>;
  args?: string[];
  colorScheme?: 'light' | 'dark';
  locale?: string;
}

/** Chromium with the built extension loaded, as a user who just installed it has it. */
export const launchExtensionBrowser = async (options: LaunchOptions = {}) => {
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'tmn-profile-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'zh-CN',
    env: { ...process.env, ...options.env } as Record<string, string>,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_PATH}`,
      `--load-extension=${EXTENSION_PATH}`,
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const pageUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;

  let probe: Page | null = null;
  /**
   * Runs code in an extension page, which has the chrome.* APIs and, unlike worker.evaluate, never hangs
   * while the service worker is stopped.
   */
  const inExtension = async <R>(
    fn: (arg: Record<string, unknown>) => R | Promise<R>,
    arg: Record<string, unknown> = {},
  ): Promise<R> => {
    if (!probe || probe.isClosed()) {
      probe = await context.newPage();
      await probe.goto(pageUrl('/options.html'));
    }
    return probe.evaluate(fn, arg);
  };

  return {
    context,
    extensionId,
    profileDir,
    pageUrl,
    inExtension,
    async openPage(path: string, viewport = { width: 380, height: 560 }) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(pageUrl(path));
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
};

export type ExtensionBrowser = Awaited<ReturnType<typeof launchExtensionBrowser>>;
