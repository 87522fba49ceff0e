import { useMemo } from 'preact/hooks';
import { type Locale, resolveLocale, type Translate, translatorFor } from '../utils/i18n';
import type { Language } from '../utils/settings';

/** The page's language: the user's choice, else the browser's. */
export const useTranslator = (language: Language | undefined): { locale: Locale; t: Translate } =>
  useMemo(() => {
    const locale = resolveLocale(language ?? 'auto', navigator.language);
    return { locale, t: translatorFor(locale) };
  }, [language]);
