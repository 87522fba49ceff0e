import { formatFullDateTime, formatNumber, formatRelativeTime, parseServerTime } from '../utils/format';
import type { Locale, Translate } from '../utils/i18n';
import type { Totals } from '../utils/monitor/monitor-state';
import { Stat } from './Stat';
import './TotalsPanel.css';

export interface TotalsPanelProps {
  totals: Totals;
  /** Epoch ms, for "2 minutes ago". */
  now: number;
  locale: Locale;
  t: Translate;
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

/** The server's figures: how many users it checks, how many are expired now, when it last checked. */
export const TotalsPanel = ({ totals, now, locale, t }: TotalsPanelProps) => (
  <dl class="totals">
    <Stat label={t('totalsChecked')}>
      {totals.totalUsers === null ? t('valueNone') : formatNumber(totals.totalUsers, locale)}
    </Stat>
    <Stat label={t('totalsExpired')} tone={totals.totalExpired > 0 ? 'alert' : 'normal'}>
      {formatNumber(totals.totalExpired, locale)}
    </Stat>
    <Stat label={t('totalsLastCheck')}>{lastCheck(totals.lastCheck, now, locale, t)}</Stat>
  </dl>
);
