import { formatFullDateTime, formatNumber, formatRelativeTime, parseServerTime } from '../utils/format';
import type { Locale, Translate } from '../utils/i18n';
import type { Totals } from '../utils/monitor/monitor-state';
import { useI18n } from './i18n-context';
import { Stat } from './Stat';
import './TotalsPanel.css';

export interface TotalsPanelProps {
  /** null until the worker has published its view: nothing checked yet. */
  totals: Totals | null;
  /** Epoch ms, for "2 minutes ago". */
  now: number;
}

const lastCheck = (text: string | null, now: number, locale: Locale, t: Translate) => {
  if (text === null) return t('valueNone');
  const time = parseServerTime(text);
  // Not a time we can read: show it as the server wrote it rather than nothing.
  if (time === null) return <span title={text}>{text}</span>;
  return (
    <time dateTime={new Date(time).toISOString()} title={formatFullDateTime(time, locale)}>
      {formatRelativeTime(time, now, locale, t('timeJustNow'))}
    </time>
  );
};

const NO_TOTALS: Totals = { totalUsers: null, totalExpired: 0, lastCheck: null };

/** The server's figures: how many users it checks, how many are expired now, when it last checked. */
export const TotalsPanel = ({ totals, now }: TotalsPanelProps) => {
  const { locale, t } = useI18n();
  const { totalUsers, totalExpired, lastCheck: checkedAt } = totals ?? NO_TOTALS;
  return (
    <dl class="totals">
      <Stat label={t('totalsChecked')}>{totalUsers === null ? t('valueNone') : formatNumber(totalUsers, locale)}</Stat>
      <Stat label={t('totalsExpired')} tone={totalExpired > 0 ? 'alert' : 'normal'}>
        {formatNumber(totalExpired, locale)}
      </Stat>
      <Stat label={t('totalsLastCheck')}>{lastCheck(checkedAt, now, locale, t)}</Stat>
    </dl>
  );
};
