import { isMuted, MUTE_HOUR_MS } from '../../utils/alerts/mute';
import { formatClock, isSameDay } from '../../utils/format';
import type { Locale, Translate } from '../../utils/i18n';

export interface MuteFieldProps {
  /** settings.mutedUntil: epoch ms; in the past or null means not muted. */
  mutedUntil: number | null;
  now: number;
  /** When "mute until the morning" ends, computed by the page (the next 08:00). */
  morningAt: number;
  locale: Locale;
  t: Translate;
  /** The new settings.mutedUntil; null unmutes. */
  onChange: (mutedUntil: number | null) => void;
}

/** The settings row for muting: the state in words, and every length of mute the extension offers. */
export const MuteField = ({ mutedUntil, now, morningAt, locale, t, onChange }: MuteFieldProps) => {
  const muted = isMuted(mutedUntil, now);
  const morningTime = formatClock(morningAt, morningAt, locale);
  return (
    <div class="opt-row opt-mute">
      <p class={muted ? 'opt-mute__state opt-mute__state--on' : 'opt-mute__state'} role="status">
        {muted ? t('optMuteStateOn', { time: formatClock(mutedUntil, now, locale, 'named') }) : t('optMuteStateOff')}
      </p>
      <div class="opt-actions">
        {muted && (
          <button type="button" class="opt-button opt-button--primary" onClick={() => onChange(null)}>
            {t('optUnmute')}
          </button>
        )}
        <button type="button" class="opt-button" onClick={() => onChange(now + MUTE_HOUR_MS)}>
          {t('optMuteHour')}
        </button>
        <button type="button" class="opt-button" onClick={() => onChange(morningAt)}>
          {isSameDay(morningAt, now)
            ? t('optMuteUntilToday', { time: morningTime })
            : t('optMuteUntilTomorrow', { time: morningTime })}
        </button>
      </div>
    </div>
  );
};
