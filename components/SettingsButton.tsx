import { Button } from './Button';
import { useI18n } from './i18n-context';

export interface SettingsButtonProps {
  /** Opens the options page (MonitorActions.onOpenSettings). */
  onClick: () => void;
}

/** The way to the options page, worded and drawn the same on every page that offers it. */
export const SettingsButton = ({ onClick }: SettingsButtonProps) => {
  const { t } = useI18n();
  return (
    <Button variant="ghost" size="small" icon="settings" onClick={onClick} title={t('openSettingsLabel')}>
      {t('openSettings')}
    </Button>
  );
};
