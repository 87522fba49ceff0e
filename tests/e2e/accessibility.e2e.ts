import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator/server';
import { type Locale, type MessageKey, translatorFor } from '../../utils/i18n';
import { axeFindings, contrastRatio, movingElements, tabWalk } from './harness/accessibility-probes';
import { type ExtensionBrowser, launchExtensionBrowser } from './harness/extension-browser';
import { monitorView, setSettings, waitFor } from './harness/extension-probes';
import { startTestSimulator } from './harness/simulator-fixture';

type PageName = 'popup' | 'dashboard' | 'options';

const PAGES: ReadonlyArray<{ name: PageName; path: string; viewport: { width: number; height: number } }> = [
  { name: 'popup', path: '/popup.html', viewport: { width: 380, height: 560 } },
  { name: 'dashboard', path: '/dashboard.html', viewport: { width: 1280, height: 860 } },
  { name: 'options', path: '/options.html', viewport: { width: 960, height: 1100 } },
];

const LANGUAGES: readonly Locale[] = ['zh_CN', 'en'];
const SCHEMES = ['light', 'dark'] as const;
const INITIAL_EXPIRED = 57;
/** WCAG 1.4.11: a focus indicator is a non-text graphic, at least 3:1 against what is around it. */
const RING_CONTRAST = 3;

/** Controls a Tab walk must reach on each page, by their names (besides the copy buttons on the rows). */
const REACHABLE: Record<PageName, MessageKey[]> = {
  popup: ['reconnectNowLabel', 'searchLabel', 'revealPhones', 'muteOneHour', 'openDashboard', 'openSettings'],
  dashboard: [
    'reconnectNowLabel',
    'muteOneHour',
    'openSettings',
    'searchLabel',
    'sortLabel',
    'revealPhones',
    'includeTokens',
    'exportCsv',
  ],
  options: [
    'optServerUrlLabel',
    'optServerUrlSave',
    'optTestButton',
    'optVoiceLabel',
    'optRateLabel',
    'optVolumeLabel',
    'optSpeakTest',
    'optMuteHour',
    'optLanguageLabel',
    'optClearButton',
  ],
};

/** Controls each server's card repeats, named for their server. */
const PER_SERVER = new Set<MessageKey>(['optServerUrlLabel', 'optServerUrlSave', 'optTestButton']);

/** The page has drawn real data: the expired list's rows, or the options' sections. */
const waitForContent = async (page: Page, name: PageName) => {
  const drawn = name === 'options' ? '.settings-section' : '.xrow:not(.xrow--head):not(.xrow--loading)';
  await page.locator(drawn).first().waitFor();
  // Transitions (the toast, the progress bar) settle, so colours are measured as a user sees them.
  await page.waitForTimeout(400);
};

/**
 * Puts a page into the states a first look does not show — pressed buttons, an empty search, a mute, a
 * warning, a test result, "Saved", a question — so that axe sees their colours too. Leaves the settings as
 * they were.
 */
const showOtherStates = async (page: Page, name: PageName, locale: Locale) => {
  const t = translatorFor(locale);
  if (name === 'popup') {
    await page.getByRole('button', { name: t('revealPhones') }).click();
    await page.getByRole('searchbox').fill('no such user');
    await page.locator('.notice').waitFor();
    await page.getByRole('button', { name: t('muteOneHour') }).click();
    await page.locator('.mute--on').waitFor();
    return async () => {
      await page.getByRole('button', { name: t('unmute') }).click();
    };
  }
  if (name === 'dashboard') {
    await page.getByRole('button', { name: t('revealPhones') }).click();
    await page.getByRole('checkbox', { name: t('includeTokens') }).check();
    await page.locator('.export__warning').waitFor();
    return async () => {};
  }
  await page.getByRole('button', { name: t('optTestButton') }).click();
  await page.locator('.inline-message--ok').waitFor();
  const notifications = page.getByRole('switch', { name: t('optNotificationsLabel') });
  await notifications.click();
  await notifications.click();
  await page.getByRole('button', { name: t('optClearButton') }).click();
  await page.locator('.clear-data__confirm').waitFor();
  await page.locator('.save-status--done').waitFor();
  return async () => {
    await page.keyboard.press('Escape');
  };
};

describe('accessibility of every page', () => {
  let simulator: Simulator;

  beforeAll(async () => {
    // A round long enough to be caught midway, expired users in the list, a history behind it; nobody
    // expires unless a test says so, so the pages hold still while they are checked.
    simulator = await startTestSimulator({
      users: 4820,
      initialExpired: INITIAL_EXPIRED,
      interval: 8,
      checkDuration: 6,
    });
  });

  afterAll(async () => {
    await simulator?.stop();
  });

  /** A browser connected to the simulator, its list filled, a round finished. */
  const connectedBrowser = async (colorScheme: (typeof SCHEMES)[number], language: Locale = 'en') => {
    const browser = await launchExtensionBrowser({ colorScheme });
    await setSettings(browser, { serverUrl: simulator.url, language });
    await waitFor(
      () => monitorView(browser),
      (view) => view?.connection.phase === 'open' && view.expiredCount >= INITIAL_EXPIRED && view.history.length >= 1,
      { timeout: 60_000, what: 'connected, with expired users and a finished round' },
    );
    return browser;
  };

  const duringRound = (browser: ExtensionBrowser) =>
    waitFor(
      () => monitorView(browser),
      (view) => view?.round?.phase === 'running' && view.round.percentage > 10 && view.round.percentage < 80,
      { timeout: 30_000, what: 'a round in progress' },
    );

  for (const scheme of SCHEMES) {
    it(`axe finds nothing serious on any page, ${scheme}, in Chinese and English`, async () => {
      const browser = await connectedBrowser(scheme);
      const findings: string[] = [];
      try {
        for (const language of LANGUAGES) {
          await setSettings(browser, { language });
          for (const { name, path, viewport } of PAGES) {
            await duringRound(browser);
            const page = await browser.openPage(path, viewport);
            await waitForContent(page, name);
            const where = `${name} ${language} ${scheme}`;
            findings.push(...(await axeFindings(page, where)));
            const restore = await showOtherStates(page, name, language);
            findings.push(...(await axeFindings(page, `${where}, other states`)));
            await restore();
            await page.close();
          }
        }
      } finally {
        await browser.close();
      }
      expect(findings).toEqual([]);
    });
  }

  it('announces new expiries politely, and nothing while a round only progresses', async () => {
    const browser = await connectedBrowser('light');
    try {
      const pages = await Promise.all(
        PAGES.filter(({ name }) => name !== 'options').map(async ({ name, path, viewport }) => {
          const page = await browser.openPage(path, viewport);
          await waitForContent(page, name);
          return page;
        }),
      );
      for (const page of pages) {
        // No progress bar is, or sits inside, a live region: its ticks would be read out one by one.
        const liveProgress = await page
          .locator('[role="progressbar"]')
          .evaluateAll(
            (bars) =>
              bars.filter((bar) =>
                bar.closest('[aria-live]:not([aria-live="off"]), [role="status"], [role="log"], [role="alert"]'),
              ).length,
          );
        expect(liveProgress).toBe(0);
        await page.evaluate(() => {
          const changes: string[] = [];
          Object.assign(window, { liveChanges: changes });
          const observer = new MutationObserver((records) => {
            for (const record of records) {
              const region = (record.target instanceof Element ? record.target : record.target.parentElement)?.closest(
                '[aria-live]:not([aria-live="off"]), [role="status"], [role="log"], [role="alert"]',
              );
              if (region) changes.push(region.textContent ?? '');
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        });
      }

      const before = await duringRound(browser);
      await waitFor(
        () => monitorView(browser),
        (view) => (view?.round?.current ?? 0) > (before?.round?.current ?? 0) + 500,
        { what: 'the round moving on' },
      );
      for (const page of pages) {
        expect(await page.evaluate(() => (window as unknown as { liveChanges: string[] }).liveChanges)).toEqual([]);
      }

      simulator.expireNow(3);
      for (const page of pages) {
        await page.locator('[aria-live="polite"]', { hasText: '3 new expired tokens' }).waitFor({ state: 'attached' });
      }
    } finally {
      await browser.close();
    }
  });

  it('holds still when asked for reduced motion', async () => {
    const browser = await connectedBrowser('light');
    try {
      for (const { name, path, viewport } of PAGES) {
        const page = await browser.openPage(path, viewport);
        await waitForContent(page, name);
        // The pulsing dot shows only while connecting: a probe with its class stands in for it.
        await page.evaluate(() => {
          const probe = document.createElement('span');
          probe.className = 'pulse a11y-probe';
          document.body.append(probe);
        });
        const pulse = page.locator('.a11y-probe');
        if (name !== 'options') {
          // As drawn normally, they do move: the check below is not vacuous.
          expect(await pulse.evaluate((element) => getComputedStyle(element).animationName)).toBe('pulse');
          expect(await movingElements(page)).toContain('div.progress__fill');
        }
        await page.emulateMedia({ reducedMotion: 'reduce' });
        expect(await pulse.evaluate((element) => getComputedStyle(element).animationName)).toBe('none');
        expect(await movingElements(page), name).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });

  for (const scheme of SCHEMES) {
    it(`reaches every control by Tab with a visible ring and no trap, ${scheme}`, async () => {
      const browser = await connectedBrowser(scheme);
      const t = translatorFor('en');
      try {
        for (const { name, path, viewport } of PAGES) {
          const page = await browser.openPage(path, viewport);
          await waitForContent(page, name);
          const { stops, cameRound } = await tabWalk(page);
          expect(cameRound, `${name}: Tab never came back round`).toBe(true);

          const names = stops.map((stop) => stop.name);
          for (const key of REACHABLE[name]) {
            // A server's controls carry its name after their own ("Server address — 127.0.0.1:…").
            const reached = PER_SERVER.has(key)
              ? names.some((label) => label.startsWith(t(key)))
              : names.includes(t(key));
            expect(reached, `${name}: ${t(key)} among ${names.join(' | ')}`).toBe(true);
          }
          if (name === 'options') {
            const switches = stops.filter((stop) => stop.role === 'switch');
            expect(switches.length, 'options: every switch').toBeGreaterThanOrEqual(5);
          } else {
            expect(stops.filter((stop) => stop.inList).length, `${name}: copy buttons on the rows`).toBeGreaterThan(3);
            // In reading order: the search, then the rows it filters, then what follows the list.
            const firstRow = stops.findIndex((stop) => stop.inList);
            expect(names.indexOf(t('searchLabel'))).toBeLessThan(firstRow);
          }
          if (name === 'popup') {
            expect(
              names.some((label) => label.startsWith(t('copyAll'))),
              'popup: copy all',
            ).toBe(true);
            expect(names.indexOf(t('muteOneHour'))).toBeGreaterThan(stops.findIndex((stop) => stop.inList));
          }

          for (const stop of stops) {
            const where = `${name} ${scheme}: ${stop.tag} "${stop.name.slice(0, 40)}"`;
            expect(stop.focusVisible, where).toBe(true);
            expect(stop.outline.style, where).toBe('solid');
            expect(stop.outline.width, where).toBeGreaterThanOrEqual(2);
            expect(contrastRatio(stop.outline.color, stop.background), where).toBeGreaterThanOrEqual(RING_CONTRAST);
          }
          await page.close();
        }
      } finally {
        await browser.close();
      }
    });
  }

  it('"/" focuses the search on popup and dashboard; Escape clears, then leaves', async () => {
    const browser = await connectedBrowser('light');
    try {
      for (const { name, path, viewport } of PAGES.filter((page) => page.name !== 'options')) {
        const page = await browser.openPage(path, viewport);
        await waitForContent(page, name);
        const search = page.getByRole('searchbox');
        await page.keyboard.press('/');
        await expect(search.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
        await page.keyboard.type('138');
        await expect(search.inputValue()).resolves.toBe('138');
        await page.keyboard.press('Escape');
        await expect(search.inputValue()).resolves.toBe('');
        await expect(search.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
        await page.keyboard.press('Escape');
        await expect(search.evaluate((element) => element === document.activeElement)).resolves.toBe(false);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
