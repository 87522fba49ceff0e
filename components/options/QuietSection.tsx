import type { Settings } from '../../utils/settings';
import { useI18n } from '../i18n-context';
import { MuteControl } from '../MuteControl';
import { QuietHoursField } from './QuietHoursField';
import { Section } from './Section';

export interface QuietSectionProps {
  mutedUntil: number | null;
  quietHours: Settings['quietHours'];
  /** Epoch ms the mute's state is drawn with. */
  now: number;
  onChange: (change: Partial<Settings>) => void;
}

export const QuietSection = ({ mutedUntil, quietHours, now, onChange }: QuietSectionProps) => {
  const { t } = useI18n();
  return (
    <Section id="quiet" title={t('optQuietTitle')} intro={t('optQuietIntro')}>
      <MuteControl
        layout="full"
        mutedUntil={mutedUntil}
        now={now}
        onChange={(next) => onChange({ mutedUntil: next })}
      />
      <QuietHoursField quietHours={quietHours} onChange={(next) => onChange({ quietHours: next })} />
    </Section>
  );
};
