import { type Locale, localeTag, type Translate } from '../../utils/i18n';

export interface MuteControlProps {
  /** Epoch ms; in the past or null means not muted. */
  mutedUntil: number | null;
  now: number;
  /** When "mute until the morning" ends, computed by the page (the next 08:00). */
  morningAt: number;
  locale: Locale;
  t: Translate;
  onMute: (until: number) => void;
  onUnmute: () => void;
}

const HOUR_MS = 60 * 60 * 1000;

const sameDay = (a: number, b: number) => new Date(a).toDateString() === new Date(b).toDateString();

const formatTime = (at: number, now: number, locale: Locale) =>
  new Intl.DateTimeFormat(localeTag(locale), {
    ...(sameDay(at, now) ? {} : { month: 'short', day: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);

export const MuteControl = ({ mutedUntil, now, morningAt, locale, t, onMute, onUnmute }: MuteControlProps) => {
  const muted = mutedUntil !== null && mutedUntil > now;
  const morningTime = formatTime(morningAt, morningAt, locale);
  return (
    <div class="opt-row opt-mute">
      <p class={muted ? 'opt-mute__state opt-mute__state--on' : 'opt-mute__state'} role="status">
        {muted ? t('optMuteStateOn', { time: formatTime(mutedUntil, now, locale) }) : t('optMuteStateOff')}
      </p>
      <div class="opt-actions">
        {muted && (
          <button type="button" class="opt-button opt-button--primary" onClick={onUnmute}>
            {t('optUnmute')}
          </button>
        )}
        <button type="button" class="opt-button" onClick={() => onMute(now + HOUR_MS)}>
          {t('optMuteHour')}
        </button>
        <button type="button" class="opt-button" onClick={() => onMute(morningAt)}>
          {sameDay(morningAt, now)
            ? t('optMuteUntilToday', { time: morningTime })
            : t('optMuteUntilTomorrow', { time: morningTime })}
        </button>
      </div>
    </div>
  );
};
