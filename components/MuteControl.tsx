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
  onMute: () => void;
  onUnmute: () => void;
}

/** Silences alerts for an hour, and says until when while they are silenced. */
export const MuteControl = ({ mutedUntil, now, locale, t, onMute, onUnmute }: MuteControlProps) =>
  mutedUntil !== null && mutedUntil > now ? (
    <div class="mute mute--on">
      <span class="mute__status">
        <Icon name="bell-off" />
        <span class="mute__text">{t('mutedUntil', { time: formatClock(mutedUntil, now, locale) })}</span>
      </span>
      <Button variant="ghost" size="small" onClick={onUnmute}>
        {t('unmute')}
      </Button>
    </div>
  ) : (
    <div class="mute">
      <Button variant="secondary" size="small" icon="bell-off" onClick={onMute} title={t('muteOneHourLabel')}>
        {t('muteOneHour')}
      </Button>
    </div>
  );
