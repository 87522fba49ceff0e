import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator/server';
import { COALESCE_WINDOW_MS } from '../../utils/alerts';
import { type ExtensionBrowser, launchExtensionBrowser } from './harness/extension-browser';
import { alertJournal, badge, monitorView, notificationIds, setSettings, waitFor } from './harness/extension-probes';
import { startTestSimulator } from './harness/simulator-fixture';

const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results');

describe('the extension against the simulator', () => {
  let simulator: Simulator;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    simulator = await startTestSimulator();
    browser = await launchExtensionBrowser();
    await setSettings(browser, { serverUrl: simulator.url });
  });

  afterAll(async () => {
    await browser?.close();
    await simulator?.stop();
  });

  it('connects its worker to the server and learns the expired users', async () => {
    const view = await waitFor(
      () => monitorView(browser),
      (v) => v?.connection.phase === 'open' && v.expiredCount === 3,
      {
        what: 'an open connection with 3 expired users',
      },
    );
    expect(view?.connection).toMatchObject({ phase: 'open', url: simulator.url });
    expect(simulator.stats().clientsConnected).toBe(1);
  });

  it('sums up the users already expired in one notification and shows the count on the badge', async () => {
    await waitFor(
      () => alertJournal(browser),
      (journal) => journal.length === 1,
      { what: 'the first alert' },
    );
    expect(await alertJournal(browser)).toMatchObject([{ kind: 'summary', count: 3, notified: true }]);
    expect(await notificationIds(browser)).toHaveLength(1);
    expect(await badge(browser)).toMatchObject({ text: '3', color: [217, 48, 37, 255] });
  });

  it('raises exactly one notification for a new expiry and updates the badge', async () => {
    // Within its window news would join the summary's notification: let that window close first.
    const [summary] = await alertJournal(browser);
    await new Promise((done) => setTimeout(done, Math.max(0, (summary?.at ?? 0) + COALESCE_WINDOW_MS - Date.now())));
    simulator.expireNow(1);
    await waitFor(
      () => alertJournal(browser),
      (journal) => journal.length === 2,
      { what: 'the expiry alert' },
    );
    await new Promise((done) => setTimeout(done, 2500));
    expect((await alertJournal(browser)).map((entry) => [entry.kind, entry.count])).toEqual([
      ['new', 1],
      ['summary', 3],
    ]);
    expect(await notificationIds(browser)).toHaveLength(2);
    expect((await badge(browser)).text).toBe('4');
  });

  it('shows the round progress and the expired list in the popup', async () => {
    const popup = await browser.openPage('/popup.html');
    await simulator.startRound().catch(() => {});
    const bar = popup.getByRole('progressbar');
    await bar.waitFor();
    await waitFor(
      async () => Number(await bar.getAttribute('aria-valuenow')),
      (value) => value > 0,
      { what: 'progress above zero' },
    );
    const expiredIds = simulator.snapshot().expired.map((user) => user.user_id);
    expect(expiredIds).toHaveLength(4);
    for (const id of expiredIds) await popup.getByText(id, { exact: true }).first().waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup.png') });
    await popup.close();
  });
});
