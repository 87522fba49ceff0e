import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../simulator/server';
import { type ExtensionBrowser, launchExtensionBrowser } from './harness/extension-browser';
import { alertJournal, badge, killServiceWorker, monitorView, setSettings, waitFor } from './harness/extension-probes';
import { startTestSimulator } from './harness/simulator-fixture';

// Two servers with the same seed list the same user_ids: each must still be announced once per server.
const SIMULATOR = { statusInterval: 5, seed: 7 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two servers watched at once', () => {
  const sims: { prod?: Simulator; staging?: Simulator } = {};
  let browser: ExtensionBrowser;

  const prod = () => sims.prod as Simulator;
  const staging = () => sims.staging as Simulator;

  /** Every (server, user, expiry) the history names, as one string each. */
  const named = async () =>
    (await alertJournal(browser)).flatMap((entry) =>
      entry.users.map((user) => `${user.server}/${user.user_id}@${user.expired_time}`),
    );

  /** What each simulator has expired, as the history should name it. */
  const expected = () =>
    [
      ...prod()
        .snapshot()
        .expired.map((user) => `default/${user.user_id}@${user.expired_time}`),
      ...staging()
        .snapshot()
        .expired.map((user) => `staging/${user.user_id}@${user.expired_time}`),
    ].sort();

  /** Waits until the history names every expiry of both servers, then a little longer to catch a repeat. */
  const everyExpiryNamedOnce = async () => {
    await waitFor(named, (names) => names.length >= expected().length, {
      timeout: 60_000,
      what: 'every expiry of both servers in the history',
    });
    await sleep(3000);
    expect((await named()).sort()).toEqual(expected());
  };

  const bothConnected = () =>
    waitFor(
      () => monitorView(browser),
      (view) =>
        view?.servers.length === 2 &&
        view.servers.every((server) => server.connection.phase === 'open') &&
        view.totals.totalExpired === prod().stats().totalExpired + staging().stats().totalExpired,
      { timeout: 60_000, what: 'both servers connected with their expired counts' },
    );

  beforeAll(async () => {
    sims.prod = await startTestSimulator(SIMULATOR);
    sims.staging = await startTestSimulator({ ...SIMULATOR, initialExpired: 2 });
    browser = await launchExtensionBrowser();
    await setSettings(browser, {
      language: 'zh_CN',
      servers: [
        { id: 'default', name: '生产', url: prod().url },
        { id: 'staging', name: '测试', url: staging().url },
      ],
    });
    await bothConnected();
  });

  afterAll(async () => {
    await browser?.close();
    await sims.prod?.stop();
    await sims.staging?.stop();
  });

  it('sums up each server’s first snapshot and names the same user_id on each server separately', async () => {
    await everyExpiryNamedOnce();
    const shared = prod()
      .snapshot()
      .expired.filter((user) =>
        staging()
          .snapshot()
          .expired.some((other) => other.user_id === user.user_id),
      );
    expect(shared.length).toBeGreaterThan(0);
    expect(await badge(browser)).toMatchObject({ text: '5' });
  });

  it('tells expiries from both servers arriving together in one alert that names both', async () => {
    const before = (await alertJournal(browser)).length;
    prod().expireNow(2);
    staging().expireNow(1);
    await everyExpiryNamedOnce();
    const added = (await alertJournal(browser)).slice(0, (await alertJournal(browser)).length - before);
    expect(added).toHaveLength(1);
    expect(new Set(added[0]?.users.map((user) => user.server))).toEqual(new Set(['default', 'staging']));
    expect(added[0]?.count).toBe(3);
  });

  it('keeps announcing from one server while the other is down, and takes the other back without repeats', async () => {
    const { port } = staging();
    const state = staging().snapshot();
    await staging().stop();
    const grey = await waitFor(
      () => badge(browser),
      (appearance) => appearance.title.includes('测试'),
      { what: 'the badge to name the server that is down' },
    );
    expect(grey.title).not.toContain('生产:');
    prod().expireNow(1);
    await waitFor(named, (names) => names.length === expected().length, { what: 'the expiry on the live server' });
    sims.staging = await startSimulator({
      ...SIMULATOR,
      port,
      state,
      users: 410,
      interval: 6,
      checkDuration: 3,
      expireRate: 0,
      renewRate: 0,
      log: () => {},
    });
    await bothConnected();
    staging().expireNow(1);
    await everyExpiryNamedOnce();
  });

  it('announces once what expired on both servers while the worker was stopped', async () => {
    expect(await killServiceWorker(browser)).toBe(1);
    prod().expireNow(1);
    staging().expireNow(2);
    // Any extension page's message wakes the worker; the 30 s alarm would too.
    await browser.inExtension(() => chrome.runtime.sendMessage({ wake: true }).catch(() => undefined));
    await bothConnected();
    await everyExpiryNamedOnce();
  });
});
