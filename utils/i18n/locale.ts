import type { Language } from '../settings';

export type Locale = 'zh_CN' | 'en';

/** Chinese in any form (zh, zh-CN, zh-TW, cmn) gets the Chinese text; everything else English. */
export const resolveLocale = (language: Language, browserLanguage: string): Locale => {
  if (language !== 'auto') return language;
  return /^(zh|cmn|yue)\b/i.test(browserLanguage) ? 'zh_CN' : 'en';
};

/** The BCP 47 tag for Intl formatters and speech. */
export const localeTag = (locale: Locale) => (locale === 'zh_CN' ? 'zh-CN' : 'en');
