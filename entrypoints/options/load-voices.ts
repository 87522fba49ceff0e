import { browser } from 'wxt/browser';
import type { Voice } from '../../utils/speech/voice';
import { voicesFromTts } from '../../utils/speech/voices-from-tts';

// speechSynthesis may answer [] before it has loaded its voices (Chrome does); give voiceschanged this long.
const VOICES_GRACE_MS = 1500;

const fromTts = async (tts: NonNullable<typeof browser.tts>): Promise<Voice[]> => voicesFromTts(await tts.getVoices());

const fromSynthesis = (synthesis: SpeechSynthesis): Voice[] =>
  synthesis.getVoices().map((voice) => ({ name: voice.name, lang: voice.lang }));

/**
 * Reports the voices the worker can speak with, now and when the list changes; returns a stop function.
 * Chrome's worker speaks through chrome.tts, so its voices are the ones to offer; Firefox has no tts API
 * and its background page uses speechSynthesis, which lists the same voices as this page.
 */
export const watchVoices = (onVoices: (voices: Voice[]) => void): (() => void) => {
  let active = true;
  const report = (voices: Voice[]) => active && onVoices(voices);

  // Typed as always present (Chrome's types), but absent in Firefox.
  const tts: typeof browser.tts | undefined = browser.tts;
  if (tts) {
    fromTts(tts).then(report, () => report([]));
    return () => {
      active = false;
    };
  }

  const synthesis: SpeechSynthesis | undefined = globalThis.speechSynthesis;
  if (!synthesis) {
    report([]);
    return () => {
      active = false;
    };
  }
  const update = () => report(fromSynthesis(synthesis));
  synthesis.addEventListener('voiceschanged', update);
  const first = fromSynthesis(synthesis);
  const grace = first.length > 0 ? undefined : setTimeout(update, VOICES_GRACE_MS);
  if (first.length > 0) report(first);
  return () => {
    active = false;
    clearTimeout(grace);
    synthesis.removeEventListener('voiceschanged', update);
  };
};
