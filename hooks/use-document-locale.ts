import { useEffect } from 'preact/hooks';
import { type Locale, localeTag } from '../utils/i18n';

/** Keeps `<html lang>` and the tab title in the page's language, so screen readers pick the right voice. */
export const useDocumentLocale = (locale: Locale, title: string, doc: Document = document): void => {
  useEffect(() => {
    doc.documentElement.lang = localeTag(locale);
    doc.title = title;
  }, [locale, title, doc]);
};
