import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator/server';
import { waitFor } from './harness/extension-probes';
import {
  alertJournal,
  badgeText,
  chineseVoices,
  type FirefoxBrowser,
  launchFirefox,
  monitorView,
  notificationIds,
  setSettings,
} from './harness/firefox-browser';
import { startTestSimulator } from './harness/simulator-fixture';
import { startSpeechDispatcher } from './harness/speech-dispatcher';

const CHINESE_VOICE = /\((cmn|zh|yue)[^)]*\)$/i;

/** The journal as [kind, count] pairs, newest first: what was announced, in order. */
const announced = async (firefox: FirefoxBrowser) =>
  (await alertJournal(firefox)).map((entry) => [entry.kind, entry.count]);

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

// The Firefox build (MV2, persistent background page, speechSynthesis instead of tts) in firefox-esr,
// driven over WebDriver BiDi. One browser for the whole file: its first start takes several seconds.
describe('the Firefox build against the simulator', () => {
  let speechd: Awaited<ReturnType<typeof startSpeechDispatcher>>;
  let simulator: Simulator;
  let firefox: FirefoxBrowser;

  beforeAll(async () => {
    // Firefox on Linux speaks through speech-dispatcher too: give it the private daemon's address.
    speechd = await startSpeechDispatcher();
    simulator = await startTestSimulator();
    firefox = await launchFirefox({ env: speechd.env });
    await setSettings(firefox, { serverUrl: simulator.url, language: 'zh_CN' });
  });

  afterAll(async () => {
    await firefox?.close();
    await simulator?.stop();
    await speechd?.stop();
  });

  it('connects its background page to the server and learns the expired users', async () => {
    const view = await waitFor(
      () => monitorView(firefox),
      (v) => v?.connection.phase === 'open' && v.expiredCount === 3,
      { what: 'an open connection with 3 expired users' },
    );
    expect(view?.connection).toMatchObject({ phase: 'open', url: simulator.url });
    expect(simulator.stats().clientsConnected).toBe(1);
  });

  it('sums up the users already expired in one notification and shows the count on the badge', async () => {
    await waitFor(
      () => alertJournal(firefox),
      (journal) => journal.length === 1,
      { what: 'the first alert' },
    );
    expect(await alertJournal(firefox)).toMatchObject([{ kind: 'summary', count: 3, notified: true }]);
    expect(await notificationIds(firefox)).toHaveLength(1);
    expect(await badgeText(firefox)).toBe('3');
    // The first utterance starts Firefox's speech service; its voices arrive seconds later, and the worker
    // waits for them so that even this first alert is read by a Chinese voice.
    await waitFor(
      () => alertJournal(firefox),
      (journal) => journal[0]?.speech === 'end' || journal[0]?.speech === 'error',
      { timeout: 20_000, what: 'the summary to be spoken' },
    );
    const [summary] = await alertJournal(firefox);
    expect(summary, JSON.stringify(summary)).toMatchObject({
      speech: 'end',
      voice: expect.stringMatching(CHINESE_VOICE),
    });
    expect(await chineseVoices(firefox)).not.toEqual([]);
  });

  it('announces a new expiry once, as a notification and aloud in a Chinese voice', async () => {
    simulator.expireNow(1);
    const [entry] = await waitFor(
      () => alertJournal(firefox),
      (journal) => journal.length === 2 && (journal[0]?.speech === 'end' || journal[0]?.speech === 'error'),
      { timeout: 20_000, what: 'the expiry alert to be spoken' },
    );
    expect(entry).toMatchObject({ kind: 'new', count: 1, notified: true, speech: 'end' });
    expect(entry?.voice).toMatch(CHINESE_VOICE);
    expect(await announced(firefox)).toEqual([
      ['new', 1],
      ['summary', 3],
    ]);
    expect(await notificationIds(firefox)).toHaveLength(2);
    expect(await badgeText(firefox)).toBe('4');
  });

  it('reconnects after the server drops it and announces nothing twice', async () => {
    const accepted = simulator.stats().connectionsAccepted;
    const notifications = await notificationIds(firefox);
    expect(simulator.dropClients()).toBe(1);
    await waitFor(
      async () => simulator.stats().connectionsAccepted,
      (count) => count > accepted,
      { what: 'a new connection' },
    );
    await waitFor(
      () => monitorView(firefox),
      (v) => v?.connection.phase === 'open' && v.expiredCount === 4,
      { what: 'the connection open again with 4 expired users' },
    );
    // The fresh snapshot lists users already announced: give a wrong alert time to go out.
    await pause(2500);
    expect(await announced(firefox)).toEqual([
      ['new', 1],
      ['summary', 3],
    ]);
    expect(await notificationIds(firefox)).toEqual(notifications);
    expect(await badgeText(firefox)).toBe('4');
  });
});
