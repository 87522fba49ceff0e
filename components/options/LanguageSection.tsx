import { useId } from 'preact/hooks';
import type { Locale } from '../../utils/i18n';
import type { Language, Settings } from '../../utils/settings';
import { useI18n } from '../i18n-context';
import { Select } from '../Select';
import { Section } from './Section';
import { SettingRow } from './SettingRow';

export interface LanguageSectionProps {
  language: Language;
  /** What "automatic" resolves to in this browser, named in its option. */
  browserLocale: Locale;
  onChange: (change: Partial<Settings>) => void;
}

const LANGUAGES: readonly Language[] = ['auto', 'zh_CN', 'en'];

export const LanguageSection = ({ language, browserLocale, onChange }: LanguageSectionProps) => {
  const { t } = useI18n();
  const selectId = useId();
  const helpId = useId();
  // Each language is named in itself, so a reader who picked the wrong one can still find theirs.
  const name = (locale: Locale) => (locale === 'zh_CN' ? t('optLanguageZh') : t('optLanguageEn'));
  const label = (value: Language) =>
    value === 'auto' ? t('optLanguageAuto', { language: name(browserLocale) }) : name(value);
  return (
    <Section id="language" title={t('optLanguageTitle')}>
      <SettingRow label={t('optLanguageLabel')} help={t('optLanguageHelp')} controlId={selectId} helpId={helpId}>
        <Select
          id={selectId}
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
        </Select>
      </SettingRow>
    </Section>
  );
};
