import { type ComponentChildren, createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { type Locale, type Translate, translatorFor } from '../utils/i18n';

/** The page's language and its translator: what every component that shows text needs. */
export interface I18n {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export interface I18nProviderProps {
  /** The page's language, resolved (usePageLanguage); a change re-renders every component that shows text. */
  locale: Locale;
  children: ComponentChildren;
}

/**
 * Puts the page's language within reach of every component below it, so none takes `t` and `locale` as
 * props it only hands on. Each page renders one around its content.
 */
export const I18nProvider = ({ locale, children }: I18nProviderProps) => {
  // One object per language: a new one on every render would re-render every reader of the context.
  const value = useMemo(() => ({ locale, t: translatorFor(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

/** The language of the page this component is in. */
export const useI18n = (): I18n => {
  const i18n = useContext(I18nContext);
  // No quiet English fallback: a page that forgot its provider would show the wrong language unnoticed.
  if (!i18n) throw new Error('useI18n: render the component inside an I18nProvider');
  return i18n;
};
