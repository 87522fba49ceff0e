import { browser } from 'wxt/browser';
import type { SpeechOutcome } from '../../utils/alerts';
import type { Locale } from '../../utils/i18n';
import { localeTag } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { chooseVoice } from '../../utils/speech/choose-voice';
import { voicesFromTts } from '../../utils/speech/voices-from-tts';

type SpeechSettings = Settings['speech'];
/** Told how the utterance went, and which voice (name and language) spoke it. */
export type SpeechListener = (outcome: SpeechOutcome, voice?: string, error?: string) => void;

/** Voices load lazily: Firefox starts its speech service on first use, Chrome a few seconds after launch. */
const VOICE_WAIT_MS = 8000;
/** A speech service that never answers (none running, say) must not leave the alert marked as speaking. */
const SILENCE_MEANS_FAILURE_MS = 20_000;

const RETRY_AFTER_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Choosing before the voices arrive would pick none, and Chinese text would be read by an English voice.
const voicesWhenReady = async <V>(list: () => V[] | Promise<V[]>): Promise<V[]> => {
  const deadline = Date.now() + VOICE_WAIT_MS;
  let voices = await list();
  while (voices.length === 0 && Date.now() < deadline) {
    await sleep(250);
    voices = await list();
  }
  return voices;
};

const TTS_OUTCOMES: Record<string, SpeechOutcome> = {
  start: 'start',
  end: 'end',
  interrupted: 'interrupted',
  cancelled: 'interrupted',
  error: 'error',
};

const speakWithTts = async (text: string, speech: SpeechSettings, locale: Locale, listen: SpeechListener) => {
  const voices = voicesFromTts(await voicesWhenReady(() => browser.tts.getVoices()));
  const voice = chooseVoice(voices, locale, speech.voiceName);
  const label = voice && `${voice.name} (${voice.lang ?? '?'})`;
  // Alerts wait their turn (one at a time, in the worker's queue); nothing ever cuts one short.
  await browser.tts.speak(text, {
    lang: localeTag(locale),
    voiceName: voice?.name,
    rate: speech.rate,
    volume: speech.volume,
    enqueue: true,
    onEvent: (event) => {
      const outcome = TTS_OUTCOMES[event.type];
      if (outcome) listen(outcome, label, event.errorMessage);
    },
  });
};

const speakWithSynthesis = async (text: string, speech: SpeechSettings, locale: Locale, listen: SpeechListener) => {
  const synthesis = globalThis.speechSynthesis;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = localeTag(locale);
  // With `lang` alone Firefox picks an English voice for Chinese text: name the voice.
  const voice = chooseVoice(await voicesWhenReady(() => synthesis.getVoices()), locale, speech.voiceName);
  const label = voice && `${voice.name} (${voice.lang})`;
  if (voice) utterance.voice = voice;
  utterance.rate = speech.rate;
  utterance.volume = speech.volume;
  utterance.onstart = () => listen('start', label);
  utterance.onend = () => listen('end', label);
  utterance.onerror = (event) => listen(event.error === 'interrupted' ? 'interrupted' : 'error', label, event.error);
  // Queued, as with tts: an alert is never cut short.
  synthesis.speak(utterance);
};

const engineFor = () => {
  if (browser.tts) return speakWithTts;
  if (globalThis.speechSynthesis) return speakWithSynthesis;
  return undefined;
};

/**
 * Chrome's tts where the browser has it (its MV3 worker has no speechSynthesis); Firefox's speechSynthesis.
 * An utterance that fails before it starts is tried once more: the first one after a browser starts can
 * fail while the speech engine is still loading its voice (seen with speech-dispatcher in Firefox).
 */
export const speak = async (
  text: string,
  speech: SpeechSettings,
  locale: Locale,
  listen: SpeechListener = () => {},
) => {
  const engine = engineFor();
  if (!engine) {
    console.warn('[token-monitor] [speech] this browser offers no speech API here; alert not spoken');
    return listen('error', undefined, 'no speech API');
  }
  let heard = false;
  setTimeout(() => heard || listen('error', undefined, 'no answer from the speech engine'), SILENCE_MEANS_FAILURE_MS);
  const attempt = (retries: number): Promise<void> => {
    let started = false;
    return engine(text, speech, locale, (outcome, voice, error) => {
      if (outcome === 'error' && !started && retries > 0) {
        setTimeout(() => void attempt(retries - 1), RETRY_AFTER_MS);
        return;
      }
      started ||= outcome === 'start';
      heard = true;
      listen(outcome, voice, error);
    });
  };
  await attempt(1);
};

const FINAL_OUTCOMES: ReadonlySet<SpeechOutcome> = new Set(['end', 'interrupted', 'error']);

/** Longer than any alert sentence: an utterance that started and never ended must not hold the queue. */
const UTTERANCE_LIMIT_MS = 60_000;

/** Speaks and settles when the utterance is over: ended, cut short, failed or never answered. */
export const speakToEnd = (text: string, speech: SpeechSettings, locale: Locale, listen: SpeechListener) =>
  new Promise<void>((resolve) => {
    let over = false;
    const finish = () => {
      over = true;
      resolve();
    };
    setTimeout(() => {
      if (over) return;
      listen('error', undefined, 'the utterance never ended');
      finish();
    }, UTTERANCE_LIMIT_MS);
    void speak(text, speech, locale, (outcome, voice, error) => {
      if (over) return;
      listen(outcome, voice, error);
      if (FINAL_OUTCOMES.has(outcome)) finish();
    });
  });
