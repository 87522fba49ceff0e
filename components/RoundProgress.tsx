import { formatNumber, formatPercent, formatSeconds } from '../utils/format';
import type { Locale, Translate } from '../utils/i18n';
import type { Round } from '../utils/monitor/monitor-state';
import { useI18n } from './i18n-context';
import { ProgressBar } from './ProgressBar';
import './RoundProgress.css';

export interface RoundProgressProps {
  /** null before the first round this client has seen. */
  round: Round | null;
}

const title = (round: Round | null, locale: Locale, t: Translate) => {
  if (!round) return t('roundNone');
  if (round.phase === 'running') return t('roundRunning', { round: round.round });
  return round.duration === null
    ? t('roundCompletedNoDuration', { round: round.round })
    : t('roundCompleted', { round: round.round, duration: formatSeconds(round.duration, locale) });
};

/** The round being checked: how far along, and what it has found so far. */
export const RoundProgress = ({ round }: RoundProgressProps) => {
  const { locale, t } = useI18n();
  const current = round ? formatNumber(round.current, locale) : t('valueNone');
  const total = round ? formatNumber(round.total, locale) : t('valueNone');
  const percent = formatPercent(round?.percentage ?? 0, locale);
  return (
    <section
      class="round"
      aria-label={round ? t('roundProgressLabel', { round: round.round }) : t('roundProgressLabelNone')}
    >
      <div class="round__head">
        <span class="round__title">{title(round, locale, t)}</span>
        <span class="round__numbers" aria-hidden="true">
          {current} / {total}
          <span class="round__percent">{percent}</span>
        </span>
      </div>
      <ProgressBar
        key={round?.round}
        value={round ? round.current : null}
        max={round?.total ?? 0}
        percent={round?.percentage}
        label={round ? t('roundProgressLabel', { round: round.round }) : t('roundProgressLabelNone')}
        valueText={t('roundProgressValue', { current, total, percent })}
        tone={round?.phase === 'completed' ? 'done' : 'running'}
      />
      <p class={`round__found${round && round.expiredFound > 0 ? ' round__found--some' : ''}`}>
        {round && round.expiredFound > 0
          ? t('roundExpiredFound', { count: formatNumber(round.expiredFound, locale) })
          : round
            ? t('roundExpiredFoundNone')
            : '\u00a0'}
      </p>
    </section>
  );
};
