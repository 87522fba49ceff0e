import type { Locale, Translate } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { MuteControl } from './MuteControl';
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
    <MuteControl
      mutedUntil={mutedUntil}
      now={now}
      morningAt={morningAt}
      locale={locale}
      t={t}
      onMute={(until) => onChange({ mutedUntil: until })}
      onUnmute={() => onChange({ mutedUntil: null })}
    />
    <QuietHoursField quietHours={quietHours} t={t} onChange={(next) => onChange({ quietHours: next })} />
  </Section>
);
