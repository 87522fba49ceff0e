import type { ConnectionStatus } from '../utils/connection/connection-status';
import { describeConnection, describeProblem } from '../utils/connection/describe-connection';
import { formatMilliseconds } from '../utils/format';
import type { Translate } from '../utils/i18n';
import type { MonitorView } from '../utils/monitor/monitor-view';
import { connectionTone } from '../utils/ui/connection-tone';
import type { ListNoticeKind } from '../utils/ui/list-notice-kind';
import type { MonitorActions } from '../utils/ui/monitor-actions';
import { Button } from './Button';
import { useI18n } from './i18n-context';
import './ConnectionLine.css';
import './pulse.css';

export interface ConnectionLineProps extends MonitorActions {
  /** null: the worker has not published its status yet. */
  connection: ConnectionStatus | null;
  latencyMs: number | null;
  /** Epoch ms; the retry countdown is computed from it. */
  now: number;
  /**
   * A larger notice on the page already explains the problem and offers its fix (turn on, check the
   * settings): the line then leaves out its own hint and turn-on button rather than say it twice.
   */
  explained?: boolean;
  /**
   * With several servers, how many are watched (not turned off) and how many of those are connected. The
   * line then counts them rather than name one address; the page shows each server's state beside it.
   */
  servers?: ServerCounts;
}

export interface ServerCounts {
  watched: number;
  connected: number;
}

const statusText = (connection: ConnectionStatus | null, now: number, t: Translate): string => {
  if (!connection) return t('connectionStarting');
  // The worker may sleep past retryAt; "retrying in 0 s" would read as stuck.
  if (connection.phase === 'waiting' && connection.retryAt <= now) {
    return t('connectionRetryingNow', { problem: describeProblem(connection.problem, connection.url, t) });
  }
  return describeConnection(connection, t, now);
};

/** Several servers in one line. The connection is the least connected one's: open means every one is. */
const countedText = (connection: ConnectionStatus, { watched, connected }: ServerCounts, t: Translate) =>
  connection.phase === 'open'
    ? t('connectionOpenAll', { count: watched })
    : t('connectionSomeOpen', { connected, count: watched });

/**
 * The line's view-dependent props for a page that shows the worker's view above its expired list: the
 * page's own round trip is preferred to the server's figure, and a list notice about the server being off
 * or unreachable already explains the problem.
 */
export const connectionLineFromView = (
  view: MonitorView | null,
  notice: ListNoticeKind | null,
): Pick<ConnectionLineProps, 'connection' | 'latencyMs' | 'explained' | 'servers'> => {
  const servers = view?.servers ?? [];
  const several = servers.length > 1;
  const watched = servers.filter((server) => server.connection.phase !== 'off');
  return {
    connection: view?.connection ?? null,
    // One server's round trip would pass for all of them: with several the line gives none.
    latencyMs: view && !several ? (view.latency.roundTripMs ?? view.latency.serverMs) : null,
    explained: notice === 'unreachable' || notice === 'off',
    servers: several
      ? {
          watched: watched.length,
          connected: watched.filter((server) => server.connection.phase === 'open').length,
        }
      : undefined,
  };
};

/** One line that says whether alerts can arrive right now, and why not. */
export const ConnectionLine = ({
  connection,
  latencyMs,
  now,
  onReconnect,
  onTurnOn,
  onOpenSettings,
  explained = false,
  servers,
}: ConnectionLineProps) => {
  const { locale, t } = useI18n();
  const phase = connection?.phase ?? 'starting';
  const tone = connectionTone(phase);
  const sentence = statusText(connection, now, t);
  // Counted only while two or more are watched: with one left on, its own sentence says more.
  const counted = connection && servers && servers.watched > 1 ? countedText(connection, servers, t) : null;
  const text = counted ?? sentence;
  // Which server cannot be reached is in its own row; the line keeps to one line for the list's sake.
  const unreachable =
    !explained && counted === null && connection?.phase === 'waiting' && connection.problem.kind === 'refused';
  const detail = connection?.phase === 'waiting' ? connection.problem.detail : undefined;
  // The counted line's tooltip names the server most in need of attention, in the single sentence.
  const tooltip = [text, counted === null ? undefined : sentence, detail].filter(Boolean).join('\n');
  return (
    <div class={`connection connection--${tone}`} data-phase={phase}>
      <span class={`connection__dot${tone === 'pending' ? ' pulse' : ''}`} aria-hidden="true" />
      <div class="connection__body">
        <p class="connection__status" title={tooltip}>
          {text}
        </p>
        {unreachable && (
          <p class="connection__hint">
            {t('connectionUnreachableHint')}{' '}
            <button type="button" class="connection__link" onClick={onOpenSettings}>
              {t('checkSettings')}
            </button>
          </p>
        )}
      </div>
      {phase === 'open' && latencyMs !== null && (
        <span
          class="connection__latency"
          title={t('connectionLatency', { latency: formatMilliseconds(latencyMs, locale) })}
        >
          <span class="visually-hidden">{t('connectionLatencyLabel')} </span>
          {formatMilliseconds(latencyMs, locale)}
        </span>
      )}
      {phase === 'off' && !explained && (
        <Button variant="primary" size="small" icon="power" onClick={onTurnOn}>
          {t('turnOnMonitoring')}
        </Button>
      )}
      {(phase === 'open' || phase === 'connecting' || phase === 'waiting') && (
        <Button
          variant="secondary"
          size="small"
          icon="refresh"
          onClick={onReconnect}
          aria-label={t('reconnectNowLabel')}
          title={t('reconnectNowLabel')}
        >
          {t('reconnectNow')}
        </Button>
      )}
    </div>
  );
};
