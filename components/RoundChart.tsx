import type { ComponentChild } from 'preact';
import { formatNumber, formatSeconds } from '../utils/format';
import type { RoundSummary } from '../utils/monitor/monitor-state';
import { useI18n } from './i18n-context';
import './RoundChart.css';

export interface RoundChartProps {
  /** Oldest first, as MonitorView keeps it; only the last `limit` are drawn. */
  history: readonly RoundSummary[];
  limit: number;
  /** Drawing units of the viewBox; the chart scales to its container's width. */
  width: number;
  height: number;
  /** The server whose rounds these are, when several are watched: screen readers hear whose chart it is. */
  serverLabel?: string;
  /** A control choosing what the chart draws (the dashboard's server), placed before the title. */
  picker?: ComponentChild;
}

const TOP = 6;
const BOTTOM = 1;

/**
 * Each round as a bar (how long the check took) with a line over it (how many tokens expired in it).
 * Slots are fixed, newest on the right, so bars do not move sideways as history fills up.
 */
export const RoundChart = ({ history, limit, width, height, serverLabel, picker }: RoundChartProps) => {
  const { locale, t } = useI18n();
  const rounds = history.slice(-limit);
  const first = rounds[0];
  const last = rounds[rounds.length - 1];
  const maxDuration = Math.max(0, ...rounds.map((round) => round.duration ?? 0));
  const maxExpired = Math.max(0, ...rounds.map((round) => round.newExpired));
  const slot = width / limit;
  const barWidth = Math.max(1, slot * 0.62);
  const plot = height - TOP - BOTTOM;
  const offset = limit - rounds.length;
  const centre = (index: number) => (offset + index + 0.5) * slot;
  const expiredY = (count: number) => height - BOTTOM - (maxExpired > 0 ? (count / maxExpired) * plot : 0);

  return (
    <figure class="chart">
      <figcaption class="chart__caption">
        <span class="chart__heading">
          {picker}
          <span class="chart__title">{t('chartTitle', { count: limit })}</span>
        </span>
        <span class="chart__legend">
          <span class="chart__key chart__key--bar">
            {t('chartDuration')}
            {maxDuration > 0 && (
              <span class="chart__max"> {t('chartMaxDuration', { duration: formatSeconds(maxDuration, locale) })}</span>
            )}
          </span>
          <span class="chart__key chart__key--line">
            {t('chartNewExpired')}
            {maxExpired > 0 && (
              <span class="chart__max"> {t('chartMaxExpired', { count: formatNumber(maxExpired, locale) })}</span>
            )}
          </span>
        </span>
      </figcaption>
      <div class="chart__plot">
        <svg
          class="chart__svg"
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={
            serverLabel === undefined
              ? t('chartLabel', { count: limit })
              : t('chartLabelServer', { count: limit, server: serverLabel })
          }
        >
          <line class="chart__axis" x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} />
          {rounds.map((round, index) => {
            const known = round.duration !== null;
            const barHeight =
              known && maxDuration > 0 ? Math.max(1.5, ((round.duration ?? 0) / maxDuration) * plot) : 2;
            const duration = known ? formatSeconds(round.duration ?? 0, locale) : t('chartDurationUnknown');
            return (
              <g class="chart__round" key={round.round}>
                <title>
                  {t('chartRoundTitle', {
                    round: round.round,
                    duration,
                    count: formatNumber(round.newExpired, locale),
                  })}
                </title>
                <rect class="chart__hit" x={centre(index) - slot / 2} y={0} width={slot} height={height} />
                <rect
                  class={`chart__bar${known ? '' : ' chart__bar--unknown'}`}
                  x={centre(index) - barWidth / 2}
                  y={height - BOTTOM - barHeight}
                  width={barWidth}
                  height={barHeight}
                  rx={Math.min(2, barWidth / 4)}
                />
              </g>
            );
          })}
          {maxExpired > 0 && (
            <polyline
              class="chart__line"
              points={rounds.map((round, index) => `${centre(index)},${expiredY(round.newExpired)}`).join(' ')}
            />
          )}
          {rounds.map(
            (round, index) =>
              round.newExpired > 0 && (
                <circle
                  class="chart__dot"
                  key={round.round}
                  cx={centre(index)}
                  cy={expiredY(round.newExpired)}
                  r={Math.min(2.5, slot / 4)}
                />
              ),
          )}
        </svg>
        {rounds.length === 0 && <p class="chart__empty">{t('chartEmpty')}</p>}
      </div>
      {first && last && (
        <div class="chart__rounds" aria-hidden="true">
          {/* The oldest round's number sits under its bar, when there is room for it beside the newest's. */}
          {first !== last && offset / limit <= 0.6 && (
            <span class="chart__round-number" style={{ left: `${(offset / limit) * 100}%` }}>
              {t('chartRoundNumber', { round: first.round })}
            </span>
          )}
          <span class="chart__round-number chart__round-number--last">
            {t('chartRoundNumber', { round: last.round })}
          </span>
        </div>
      )}
    </figure>
  );
};
