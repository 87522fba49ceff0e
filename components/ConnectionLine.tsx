import type { ConnectionProblem, ConnectionStatus } from '../utils/connection/connection-status';
import { formatMilliseconds } from '../utils/format';
import type { Locale, Translate } from '../utils/i18n';
import { Button } from './Button';
import './ConnectionLine.css';

export interface ConnectionLineProps {
  /** null: the worker has not published its status yet. */
  connection: ConnectionStatus | null;
  latencyMs: number | null;
  /** Epoch ms; the retry countdown is computed from it. */
  now: number;
  locale: Locale;
  t: Translate;
  onReconnect: () => void;
  onTurnOn: () => void;
  onOpenSettings: () => void;
  /**
   * A larger notice on the page already explains the problem and offers its fix (turn on, check the
   * settings): the line then leaves out its own hint and turn-on button rather than say it twice.
   */
  explained?: boolean;
}

type Tone = 'ok' | 'pending' | 'error' | 'off';

const TONE: Record<ConnectionStatus['phase'] | 'starting', Tone> = {
  starting: 'pending',
  off: 'off',
  connecting: 'pending',
  open: 'ok',
  waiting: 'error',
};

const PROBLEM_TEXT: Record<
  ConnectionProblem['kind'],
  (problem: ConnectionProblem, url: string, t: Translate) => string
> = {
  refused: (_, url, t) => t('problemRefused', { url }),
  closed: (problem, _, t) =>
    problem.closeCode === undefined ? t('problemClosedNoCode') : t('problemClosed', { code: problem.closeCode }),
  timeout: (_, __, t) => t('problemTimeout'),
  silent: (_, __, t) => t('problemSilent'),
};

const statusText = (connection: ConnectionStatus | null, now: number, t: Translate): string => {
  if (!connection) return t('connectionStarting');
  switch (connection.phase) {
    case 'off':
      return t('connectionOff');
    case 'connecting':
      return t('connectionConnecting', { url: connection.url });
    case 'open':
      return t('connectionOpen', { url: connection.url });
    case 'waiting': {
      const problem = PROBLEM_TEXT[connection.problem.kind](connection.problem, connection.url, t);
      const seconds = Math.ceil((connection.retryAt - now) / 1000);
      // The worker may sleep past retryAt; "retrying in 0 s" would read as stuck.
      return seconds > 0 ? t('connectionWaiting', { problem, seconds }) : t('connectionRetryingNow', { problem });
    }
  }
};

/** One line that says whether alerts can arrive right now, and why not. */
export const ConnectionLine = ({
  connection,
  latencyMs,
  now,
  locale,
  t,
  onReconnect,
  onTurnOn,
  onOpenSettings,
  explained = false,
}: ConnectionLineProps) => {
  const phase = connection?.phase ?? 'starting';
  const text = statusText(connection, now, t);
  const unreachable = !explained && connection?.phase === 'waiting' && connection.problem.kind === 'refused';
  const detail = connection?.phase === 'waiting' ? connection.problem.detail : undefined;
  return (
    <div class={`connection connection--${TONE[phase]}`} data-phase={phase}>
      <span class="connection__dot" aria-hidden="true" />
      <div class="connection__body">
        <p class="connection__status" title={detail ? `${text}\n${detail}` : text}>
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
