import { useId } from 'preact/hooks';
import type { Locale, Translate } from '../../utils/i18n';
import type { Language, Settings } from '../../utils/settings';
import { Section } from './Section';

export interface LanguageSectionProps {
  language: Language;
  /** What "automatic" resolves to in this browser, named in its option. */
  browserLocale: Locale;
  t: Translate;
  onChange: (change: Partial<Settings>) => void;
}

const LANGUAGES: readonly Language[] = ['auto', 'zh_CN', 'en'];

export const LanguageSection = ({ language, browserLocale, t, onChange }: LanguageSectionProps) => {
  const selectId = useId();
  const helpId = useId();
  // Each language is named in itself, so a reader who picked the wrong one can still find theirs.
  const name = (locale: Locale) => (locale === 'zh_CN' ? t('optLanguageZh') : t('optLanguageEn'));
  const label = (value: Language) =>
    value === 'auto' ? t('optLanguageAuto', { language: name(browserLocale) }) : name(value);
  return (
    <Section id="language" title={t('optLanguageTitle')}>
      <div class="opt-row">
        <span class="opt-row__text">
          <label class="opt-row__label" for={selectId}>
            {t('optLanguageLabel')}
          </label>
          <span class="opt-help" id={helpId}>
            {t('optLanguageHelp')}
          </span>
        </span>
        <select
          id={selectId}
          class="opt-select"
          value={language}
          aria-describedby={helpId}
          onChange={(event) => {
            const value = LANGUAGES.find((item) => item === event.currentTarget.value);
            if (value) onChange({ language: value });
          }}
        >
          {LANGUAGES.map((value) => (
            <option key={value} value={value} lang={value === 'auto' ? undefined : value === 'zh_CN' ? 'zh-CN' : 'en'}>
              {label(value)}
            </option>
          ))}
        </select>
      </div>
    </Section>
  );
};
