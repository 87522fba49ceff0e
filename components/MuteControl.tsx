import { isMuted } from '../utils/alerts/mute';
import { type MuteChoice, muteEnd, nextMorning } from '../utils/alerts/mute-end';
import { formatClock, isSameDay } from '../utils/format';
import { ActionRow } from './ActionRow';
import { Button } from './Button';
import { Icon } from './Icon';
import { useI18n } from './i18n-context';
import './MuteControl.css';

export interface MuteControlProps {
  /** settings.mutedUntil: epoch ms; in the past or null means not muted. */
  mutedUntil: number | null;
  /** Epoch ms the state is drawn with ("muted until 14:05"). A mute itself starts at the click. */
  now: number;
  /**
   * `compact`: one button for an hour, for a page's header or footer (popup, dashboard). `full`: the
   * settings row, with the state in words and every length of mute the extension offers.
   */
  layout?: 'compact' | 'full';
  /** The new settings.mutedUntil; null unmutes. */
  onChange: (mutedUntil: number | null) => void;
}

interface LayoutProps {
  mutedUntil: number | null;
  now: number;
  mute: (choice: MuteChoice) => void;
  unmute: () => void;
}

const CompactMute = ({ mutedUntil, now, mute, unmute }: LayoutProps) => {
  const { locale, t } = useI18n();
  return isMuted(mutedUntil, now) ? (
    <div class="mute mute--on">
      <span class="mute__status">
        <Icon name="bell-off" />
        <span class="mute__text">{t('mutedUntil', { time: formatClock(mutedUntil, now, locale) })}</span>
      </span>
      <Button variant="ghost" size="small" onClick={unmute}>
        {t('unmute')}
      </Button>
    </div>
  ) : (
    <div class="mute">
      <Button
        variant="secondary"
        size="small"
        icon="bell-off"
        onClick={() => mute('hour')}
        title={t('muteOneHourLabel')}
      >
        {t('muteOneHour')}
      </Button>
    </div>
  );
};

const FullMute = ({ mutedUntil, now, mute, unmute }: LayoutProps) => {
  const { locale, t } = useI18n();
  const muted = isMuted(mutedUntil, now);
  // The label names the morning as the page last drew it; the click works it out again from its own time.
  const morning = nextMorning(now);
  const morningTime = formatClock(morning, morning, locale);
  return (
    <div class="mute mute--full">
      <p class={muted ? 'mute__state mute__state--on' : 'mute__state'} role="status">
        {muted ? t('optMuteStateOn', { time: formatClock(mutedUntil, now, locale, 'named') }) : t('optMuteStateOff')}
      </p>
      <ActionRow>
        {muted && (
          <Button variant="primary" icon="bell" onClick={unmute}>
            {t('optUnmute')}
          </Button>
        )}
        <Button icon="bell-off" onClick={() => mute('hour')}>
          {t('optMuteHour')}
        </Button>
        <Button icon="clock" onClick={() => mute('morning')}>
          {isSameDay(morning, now)
            ? t('optMuteUntilToday', { time: morningTime })
            : t('optMuteUntilTomorrow', { time: morningTime })}
        </Button>
      </ActionRow>
    </div>
  );
};

/** Silences alerts for a while, and says until when while they are silenced. */
export const MuteControl = ({ mutedUntil, now, layout = 'compact', onChange }: MuteControlProps) => {
  const Layout = layout === 'full' ? FullMute : CompactMute;
  return (
    <Layout
      mutedUntil={mutedUntil}
      now={now}
      // The clock at the click rather than `now`, which may be seconds old: the mute would come out short.
      mute={(choice) => onChange(muteEnd(choice, Date.now()))}
      unmute={() => onChange(null)}
    />
  );
};
