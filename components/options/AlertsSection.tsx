import type { Translate } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { Section } from './Section';
import { SwitchField } from './SwitchField';

export interface AlertsSectionProps {
  settings: Pick<Settings, 'notifications' | 'remindEveryRound' | 'maskPhones'>;
  t: Translate;
  onChange: (change: Partial<Settings>) => void;
}

export const AlertsSection = ({ settings, t, onChange }: AlertsSectionProps) => (
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
