import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../simulator/server';
import { type ExtensionBrowser, launchExtensionBrowser } from './harness/extension-browser';
import {
  alertJournal,
  killServiceWorker,
  monitorView,
  notificationIds,
  setSettings,
  waitFor,
} from './harness/extension-probes';
import { startTestSimulator } from './harness/simulator-fixture';

// Every scenario ends by checking the whole alert history: each expiry announced once, none twice.
const FAST_STATUS = { statusInterval: 5 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('never miss, never repeat', () => {
  let simulator: Simulator;
  let browser: ExtensionBrowser;
  let expectedAlerts: [string, number][];

  const connectedTo = (sim: Simulator) =>
    waitFor(
      () => monitorView(browser),
      (view) => view?.connection.phase === 'open' && view.totals.totalExpired === sim.stats().totalExpired,
      { timeout: 60_000, what: 'a live connection with the current expired count' },
    );

  /** Waits until the journal has `count` alerts, then a little longer to catch any repeat. */
  const alertsSettle = async (count: number) => {
    await waitFor(
      () => alertJournal(browser),
      (journal) => journal.length >= count,
      {
        timeout: 60_000,
        what: `${count} alerts`,
      },
    );
    await sleep(3000);
    return (await alertJournal(browser)).map((entry) => [entry.kind, entry.count]).reverse();
  };

  beforeAll(async () => {
    simulator = await startTestSimulator(FAST_STATUS);
    browser = await launchExtensionBrowser();
    await setSettings(browser, { serverUrl: simulator.url });
    await connectedTo(simulator);
    expectedAlerts = [['summary', 3]];
    expect(await alertsSettle(1)).toEqual(expectedAlerts);
  });

  afterAll(async () => {
    await browser?.close();
    await simulator?.stop();
  });

  it('comes back after Chrome stops the worker, and announces what expired meanwhile once', async () => {
    const accepted = simulator.stats().connectionsAccepted;
    expect(await killServiceWorker(browser)).toBe(1);
    await waitFor(
      async () => simulator.stats().clientsConnected,
      (clients) => clients === 0,
      { what: 'the socket to close' },
    );
    simulator.expireNow(2);
    // The watchdog alarm (every 30 s) revives the worker, which reconnects and reads the snapshot.
    await connectedTo(simulator);
    expect(simulator.stats().connectionsAccepted).toBe(accepted + 1);
    expectedAlerts.push(['new', 2]);
    expect(await alertsSettle(expectedAlerts.length)).toEqual(expectedAlerts);
  });

  it('reconnects when the server restarts, without repeating what it already announced', async () => {
    const { port } = simulator;
    const state = simulator.snapshot();
    await simulator.stop();
    await waitFor(
      () => monitorView(browser),
      (view) => view?.connection.phase === 'waiting',
      { what: 'a waiting connection' },
    );
    await sleep(2000);
    simulator = await startSimulator({
      ...FAST_STATUS,
      port,
      state,
      interval: 6,
      checkDuration: 3,
      expireRate: 0,
      renewRate: 0,
      log: () => {},
    });
    await connectedTo(simulator);
    simulator.expireNow(1);
    expectedAlerts.push(['new', 1]);
    expect(await alertsSettle(expectedAlerts.length)).toEqual(expectedAlerts);
  });

  it('replaces a half-open socket after 45 s of silence', async () => {
    const accepted = simulator.stats().connectionsAccepted;
    simulator.setSilent(true);
    await waitFor(
      async () => simulator.stats().connectionsAccepted,
      (count) => count > accepted,
      {
        timeout: 70_000,
        what: 'a new connection after the silence',
      },
    );
    simulator.setSilent(false);
    // Its welcome was swallowed by the silence; the next periodic current_status brings it up to date.
    await connectedTo(simulator);
    simulator.expireNow(1);
    expectedAlerts.push(['new', 1]);
    expect(await alertsSettle(expectedAlerts.length)).toEqual(expectedAlerts);
    const view = await monitorView(browser);
    expect(view?.connection).toMatchObject({ phase: 'open' });
  });

  it('survives a browser restart with the same profile, announcing only what is new', async () => {
    const { profileDir } = browser;
    await browser.close({ keepProfile: true });
    simulator.expireNow(1);
    browser = await launchExtensionBrowser({ profileDir });
    await connectedTo(simulator);
    expectedAlerts.push(['new', 1]);
    expect(await alertsSettle(expectedAlerts.length)).toEqual(expectedAlerts);
    // The notification centre starts empty in a new browser: exactly one was raised since.
    expect(await notificationIds(browser)).toHaveLength(1);
  });
});
