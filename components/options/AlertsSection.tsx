import type { Settings } from '../../utils/settings';
import { useI18n } from '../i18n-context';
import { Section } from './Section';
import { SwitchField } from './SwitchField';

export interface AlertsSectionProps {
  settings: Pick<Settings, 'notifications' | 'remindEveryRound' | 'maskPhones'>;
  onChange: (change: Partial<Settings>) => void;
}

export const AlertsSection = ({ settings, onChange }: AlertsSectionProps) => {
  const { t } = useI18n();
  return (
    <Section id="alerts" title={t('optAlertsTitle')}>
      <SwitchField
        label={t('optNotificationsLabel')}
        help={t('optNotificationsHelp')}
        checked={settings.notifications}
        onChange={(checked) => onChange({ notifications: checked })}
      />
      <SwitchField
        label={t('optRemindLabel')}
        help={t('optRemindHelp')}
        checked={settings.remindEveryRound}
        onChange={(checked) => onChange({ remindEveryRound: checked })}
      />
      <SwitchField
        label={t('optMaskLabel')}
        help={t('optMaskHelp')}
        checked={settings.maskPhones}
        onChange={(checked) => onChange({ maskPhones: checked })}
      />
    </Section>
  );
};
