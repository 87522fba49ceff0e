import type { Locale } from '../i18n';
import type { Voice } from './voice';

// Linux speech-dispatcher tags Mandarin `cmn` (and Cantonese `yue`), never `zh-CN`: match the family.
// Tags come as zh-CN and as zh_CN; `\b` would miss the second, since `_` is a word character.
const CHINESE = /^(zh|cmn|yue)([-_]|$)/i;
const ENGLISH = /^en([-_]|$)/i;

export const isChineseLang = (lang: string | undefined) => CHINESE.test(lang ?? '');

/** The user's voice when it still exists, else the first voice of the alert's language, else none. */
export const chooseVoice = <V extends Voice>(
  voices: readonly V[],
  locale: Locale,
  preferredName: string | null,
): V | undefined => {
  const preferred = preferredName ? voices.find((voice) => voice.name === preferredName) : undefined;
  if (preferred) return preferred;
  const family = locale === 'zh_CN' ? CHINESE : ENGLISH;
  // Prefer Mandarin over Cantonese for Chinese text.
  const matching = voices.filter((voice) => family.test(voice.lang ?? ''));
  return matching.find((voice) => !/^yue/i.test(voice.lang ?? '')) ?? matching[0];
};
