import type { Locale, MessageKey, Translate } from '../utils/i18n';
import type { Language } from '../utils/settings';
import { useDocumentLocale } from './use-document-locale';
import { useTranslator } from './use-translator';

/** The page's language (the user's choice, else the browser's), also set on the document with its title. */
export const usePageLanguage = (
  language: Language | undefined,
  titleKey: MessageKey,
): { locale: Locale; t: Translate } => {
  const translator = useTranslator(language);
  useDocumentLocale(translator.locale, translator.t(titleKey));
  return translator;
};
