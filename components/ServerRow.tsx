import { describeConnection } from '../utils/connection/describe-connection';
import { formatFullDateTime, formatNumber, formatPercent, formatRelativeTime } from '../utils/format';
import type { MessageKey } from '../utils/i18n';
import type { MonitorView, ServerView } from '../utils/monitor/monitor-view';
import { connectionTone } from '../utils/ui/connection-tone';
import { serverActivity } from '../utils/ui/server-activity';
import { useI18n } from './i18n-context';
import './pulse.css';

export interface ServerRowProps {
  server: ServerView;
  /** Epoch ms: "checked 2 minutes ago", and the retry countdown in the state's tooltip. */
  now: number;
}

const STATE: Record<MonitorView['connection']['phase'], MessageKey> = {
  open: 'serverStateOpen',
  connecting: 'serverStateConnecting',
  waiting: 'serverStateWaiting',
  off: 'serverStateOff',
};

/** One server at a glance: its name, whether it is connected (in words), its round and its expired count. */
export const ServerRow = ({ server, now }: ServerRowProps) => {
  const { locale, t } = useI18n();
  const { phase } = server.connection;
  const tone = connectionTone(phase);
  const activity = serverActivity(server);
  return (
    <li class={`server server--${tone}`} data-phase={phase}>
      <span class={`server__dot${tone === 'pending' ? ' pulse' : ''}`} aria-hidden="true" />
      <span class="server__label" title={server.label}>
        {server.label}
      </span>
      {/* The word is the state; the tooltip says why a server is not connected and when it tries again. */}
      <span class="server__state" title={describeConnection(server.connection, t, now)}>
        {t(STATE[phase])}
      </span>
      <span class="server__activity">
        {activity.kind === 'running' &&
          t('serverRoundRunning', { round: activity.round, percent: formatPercent(activity.percentage, locale) })}
        {activity.kind === 'checked' && (
          <time dateTime={new Date(activity.at).toISOString()} title={formatFullDateTime(activity.at, locale)}>
            {t('serverLastCheck', { time: formatRelativeTime(activity.at, now, locale, t('timeJustNow')) })}
          </time>
        )}
        {activity.kind === 'completed' && t('roundCompletedNoDuration', { round: activity.round })}
        {activity.kind === 'none' && t('serverNoCheck')}
      </span>
      <span class={`server__expired${server.totalExpired > 0 ? ' server__expired--some' : ''}`}>
        {t('serverExpired', { count: formatNumber(server.totalExpired, locale) })}
      </span>
    </li>
  );
};
