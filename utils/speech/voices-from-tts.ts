import type { Voice } from './voice';

/** The part of chrome.tts's TtsVoice read here; the core names no browser API. */
export interface TtsVoice {
  voiceName?: string;
  lang?: string;
}

/**
 * The voices tts offers, as the options page lists them and the worker chooses among them. A tts voice
 * without a name is left out: it could be neither shown, nor saved as the user's choice, nor asked for in
 * tts.speak, which takes a voice by name alone.
 */
export const voicesFromTts = (voices: readonly TtsVoice[]): Voice[] =>
  voices.flatMap((voice) => (voice.voiceName ? [{ name: voice.voiceName, lang: voice.lang }] : []));
