import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator/server';
import { type ExtensionBrowser, launchExtensionBrowser } from './harness/extension-browser';
import { alertJournal, setSettings, waitFor } from './harness/extension-probes';
import { startTestSimulator } from './harness/simulator-fixture';
import { startSpeechDispatcher } from './harness/speech-dispatcher';

describe('speech', () => {
  let simulator: Simulator;
  let browser: ExtensionBrowser;
  let speechd: Awaited<ReturnType<typeof startSpeechDispatcher>>;

  beforeAll(async () => {
    speechd = await startSpeechDispatcher();
    simulator = await startTestSimulator({ initialExpired: 0 });
    browser = await launchExtensionBrowser({ env: speechd.env, args: speechd.args, locale: 'zh-CN' });
    // Voices appear a few seconds after the browser starts.
    await waitFor(
      () => browser.inExtension(async () => (await chrome.tts.getVoices()).length),
      (count) => count > 0,
      { timeout: 30_000, what: 'tts voices' },
    );
    await setSettings(browser, { serverUrl: simulator.url, language: 'zh_CN' });
  });

  afterAll(async () => {
    await browser?.close();
    await simulator?.stop();
    await speechd?.stop();
  });

  it('speaks an expiry aloud in a Chinese voice, from start to end', async () => {
    await waitFor(
      () => browser.inExtension(() => chrome.storage.session.get('monitorView')),
      (stored) =>
        Boolean((stored.monitorView as { connection?: { phase?: string } } | undefined)?.connection?.phase === 'open'),
    );
    simulator.expireNow(2);
    const [entry] = await waitFor(
      () => alertJournal(browser),
      (journal) => journal[0]?.speech === 'end' || journal[0]?.speech === 'error',
      { timeout: 20_000, what: 'the utterance to end' },
    );
    expect(entry).toMatchObject({ kind: 'new', count: 2, speech: 'end' });
    expect(entry?.voice).toMatch(/\((cmn|zh|yue)[^)]*\)$/i);
  });
});
