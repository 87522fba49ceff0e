import { browser } from 'wxt/browser';
import type { Locale } from '../../utils/i18n';
import { localeTag } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { chooseVoice } from '../../utils/speech/choose-voice';

type SpeechSettings = Settings['speech'];

const speakWithTts = async (text: string, speech: SpeechSettings, locale: Locale) => {
  const tts = browser.tts;
  const voices = (await tts.getVoices()).map((voice) => ({ name: voice.voiceName ?? '', lang: voice.lang }));
  const voice = chooseVoice(voices, locale, speech.voiceName);
  // Without enqueue a new utterance interrupts the old one: a burst is one sentence, never a long queue.
  tts.speak(text, {
    lang: localeTag(locale),
    voiceName: voice?.name,
    rate: speech.rate,
    volume: speech.volume,
    enqueue: false,
  });
};

const speakWithSynthesis = (text: string, speech: SpeechSettings, locale: Locale) => {
  const synthesis = globalThis.speechSynthesis;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = localeTag(locale);
  // With `lang` alone Firefox picks an English voice for Chinese text: name the voice.
  const voice = chooseVoice(synthesis.getVoices(), locale, speech.voiceName);
  if (voice) utterance.voice = voice;
  utterance.rate = speech.rate;
  utterance.volume = speech.volume;
  synthesis.cancel();
  synthesis.speak(utterance);
};

/** Chrome's tts where the browser has it (its MV3 worker has no speechSynthesis); Firefox's speechSynthesis. */
export const speak = async (text: string, speech: SpeechSettings, locale: Locale) => {
  if (browser.tts) return speakWithTts(text, speech, locale);
  if (globalThis.speechSynthesis) return speakWithSynthesis(text, speech, locale);
  console.warn('[speech] this browser offers no speech API here; alert not spoken');
};
