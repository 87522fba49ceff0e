import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Simulator } from '../../simulator/server';
import { launchExtensionBrowser } from './harness/extension-browser';
import { monitorView, setSettings, waitFor } from './harness/extension-probes';
import { startTestSimulator } from './harness/simulator-fixture';

// `npm run screenshots` writes into docs/screenshots for the README; a plain test run into test-results.
const OUTPUT = resolve(import.meta.dirname, '../..', process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');

// `npm run screenshots` also writes the store's promotional images (1280×800, as the Chrome Web Store asks)
// into docs/store: the dashboard with a round running and the expired list, in each language and scheme.
const PROMO_OUTPUT = resolve(import.meta.dirname, '../..', process.env.PROMO_DIR ?? 'test-results/promo');
const PROMO_VIEWPORT = { width: 1280, height: 800 };

const PAGES = [
  { name: 'popup', path: '/popup.html', viewport: { width: 380, height: 560 } },
  { name: 'dashboard', path: '/dashboard.html', viewport: { width: 1280, height: 860 } },
  { name: 'history', path: '/dashboard.html#history', viewport: { width: 1280, height: 860 } },
  { name: 'options', path: '/options.html', viewport: { width: 960, height: 1100 } },
] as const;

const LANGUAGES = [
  { language: 'zh_CN', tag: 'zh' },
  { language: 'en', tag: 'en' },
] as const;

describe('screenshots of every page', () => {
  let simulator: Simulator;

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    mkdirSync(PROMO_OUTPUT, { recursive: true });
    // A round long enough to be caught midway, with a history of rounds behind it.
    simulator = await startTestSimulator({
      users: 4820,
      initialExpired: 57,
      interval: 8,
      checkDuration: 6,
      expireRate: 0.002,
    });
  });

  afterAll(async () => {
    await simulator?.stop();
  });

  it('three servers, one of them down, in Chinese and English', async () => {
    const staging = await startTestSimulator({ users: 1200, initialExpired: 12, seed: 11 });
    // A server that went away: its row shows it waiting to reconnect.
    const gone = await startTestSimulator({ seed: 12 });
    await gone.stop();
    const browser = await launchExtensionBrowser({ colorScheme: 'light' });
    try {
      const NAMES = { zh: ['生产', '测试', '华东'], en: ['Production', 'Staging', 'East China'] };
      for (const { language, tag } of LANGUAGES) {
        const [production, test, east] = NAMES[tag];
        await setSettings(browser, {
          language,
          servers: [
            { id: 'default', name: production, url: simulator.url },
            { id: 'staging', name: test, url: staging.url },
            { id: 'east', name: east, url: gone.url },
          ],
        });
        await waitFor(
          () => monitorView(browser),
          (view) =>
            view?.servers.length === 3 &&
            view.servers.filter((server) => server.connection.phase === 'open').length === 2 &&
            view.servers.some((server) => server.connection.phase === 'waiting') &&
            view.round?.phase === 'running',
          { timeout: 60_000, what: 'two servers connected, one waiting, a round running' },
        );
        for (const { name, path, viewport } of PAGES.filter((page) => page.name !== 'history')) {
          const page = await browser.openPage(path, viewport);
          await page.waitForTimeout(600);
          await page.screenshot({
            path: resolve(OUTPUT, `${name}-servers-${tag}.png`),
            fullPage: name === 'options',
          });
          await page.close();
        }
      }
    } finally {
      await browser.close();
      await staging.stop();
    }
  });

  // One browser per colour scheme; the language is switched through the settings, as a user would.
  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}, in Chinese and English`, async () => {
      const browser = await launchExtensionBrowser({ colorScheme: scheme });
      try {
        // Two of the users expired from the start are ignored: the list shows them dimmed and marked.
        const ignoredUsers = simulator
          .snapshot()
          .expired.slice(0, 2)
          .map((user) => user.user_id);
        await setSettings(browser, { serverUrl: simulator.url, ignoredUsers });
        await waitFor(
          () => monitorView(browser),
          (view) => (view?.history.length ?? 0) >= 2,
          {
            timeout: 60_000,
            what: 'two rounds of history',
          },
        );
        // `upTo` leaves the round room to move on while the page opens, and still be running when it is taken.
        const roundInProgress = (upTo = 85) =>
          waitFor(
            () => monitorView(browser),
            (view) => view?.round?.phase === 'running' && view.round.percentage > 25 && view.round.percentage < upTo,
            { timeout: 30_000, what: 'a round in progress' },
          );
        for (const { language, tag } of LANGUAGES) {
          await setSettings(browser, { language });
          await roundInProgress();
          for (const { name, path, viewport } of PAGES) {
            const page = await browser.openPage(path, viewport);
            await page.waitForTimeout(600);
            await page.screenshot({
              path: resolve(OUTPUT, `${name}-${tag}-${scheme}.png`),
              fullPage: name === 'options',
            });
            await page.close();
          }
          // The pages above took a few seconds: wait for a round caught early again, so the promo shows one.
          await roundInProgress(60);
          const promo = await browser.openPage('/dashboard.html', PROMO_VIEWPORT);
          await promo.waitForTimeout(600);
          await promo.screenshot({ path: resolve(PROMO_OUTPUT, `promo-dashboard-${tag}-${scheme}.png`) });
          await promo.close();
        }
      } finally {
        await browser.close();
      }
    });
  }
});
