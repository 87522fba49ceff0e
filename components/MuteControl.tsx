import { isMuted, MUTE_HOUR_MS } from '../utils/alerts/mute';
import { formatClock } from '../utils/format';
import type { Locale, Translate } from '../utils/i18n';
import { Button } from './Button';
import { Icon } from './Icon';
import './MuteControl.css';

export interface MuteControlProps {
  /** settings.mutedUntil: epoch ms, or null. */
  mutedUntil: number | null;
  now: number;
  locale: Locale;
  t: Translate;
  /** The new settings.mutedUntil: an hour from the click, or null to unmute. */
  onChange: (mutedUntil: number | null) => void;
}

/** Silences alerts for an hour, and says until when while they are silenced. */
export const MuteControl = ({ mutedUntil, now, locale, t, onChange }: MuteControlProps) =>
  isMuted(mutedUntil, now) ? (
    <div class="mute mute--on">
      <span class="mute__status">
        <Icon name="bell-off" />
        <span class="mute__text">{t('mutedUntil', { time: formatClock(mutedUntil, now, locale) })}</span>
      </span>
      <Button variant="ghost" size="small" onClick={() => onChange(null)}>
        {t('unmute')}
      </Button>
    </div>
  ) : (
    <div class="mute">
      {/* The clock at the click rather than `now`, which may be a second old. */}
      <Button
        variant="secondary"
        size="small"
        icon="bell-off"
        onClick={() => onChange(Date.now() + MUTE_HOUR_MS)}
        title={t('muteOneHourLabel')}
      >
        {t('muteOneHour')}
      </Button>
    </div>
  );
