import type { JournalEntry } from '../utils/alerts/alert-journal';
import { formatFullDateTime, formatNumber } from '../utils/format';
import { Button } from './Button';
import { useI18n } from './i18n-context';
import './AlertFilterNotice.css';

export interface AlertFilterNoticeProps {
  /** The alert whose users the list is narrowed to; null when it is no longer in the history. */
  alert: JournalEntry | null;
  onShowAll: () => void;
}

/** Says the list shows one alert's users only (a notification was clicked), with the way back to everyone. */
export const AlertFilterNotice = ({ alert, onShowAll }: AlertFilterNoticeProps) => {
  const { locale, t } = useI18n();
  return (
    <div class="alert-filter" role="status">
      <span>
        {alert
          ? t('alertFilterNotice', {
              count: formatNumber(alert.users.length, locale),
              time: formatFullDateTime(alert.at, locale),
            })
          : t('alertFilterMissing')}
      </span>
      <Button size="small" onClick={onShowAll}>
        {t('alertFilterShowAll')}
      </Button>
    </div>
  );
};
