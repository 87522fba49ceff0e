import type { Locale, Translate } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { MuteField } from './MuteField';
import { QuietHoursField } from './QuietHoursField';
import { Section } from './Section';

export interface QuietSectionProps {
  mutedUntil: number | null;
  quietHours: Settings['quietHours'];
  now: number;
  morningAt: number;
  locale: Locale;
  t: Translate;
  onChange: (change: Partial<Settings>) => void;
}

export const QuietSection = ({ mutedUntil, quietHours, now, morningAt, locale, t, onChange }: QuietSectionProps) => (
  <Section id="quiet" title={t('optQuietTitle')} intro={t('optQuietIntro')}>
    <MuteField
      mutedUntil={mutedUntil}
      now={now}
      morningAt={morningAt}
      locale={locale}
      t={t}
      onChange={(next) => onChange({ mutedUntil: next })}
    />
    <QuietHoursField quietHours={quietHours} t={t} onChange={(next) => onChange({ quietHours: next })} />
  </Section>
);
