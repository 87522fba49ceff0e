import { useId } from 'preact/hooks';
import type { Translate } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { SwitchField } from './SwitchField';

type QuietHours = Settings['quietHours'];

export interface QuietHoursFieldProps {
  quietHours: QuietHours;
  t: Translate;
  onChange: (quietHours: QuietHours) => void;
}

// A cleared or half-typed time input reports '' : keep the stored time rather than save something invalid.
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export const QuietHoursField = ({ quietHours, t, onChange }: QuietHoursFieldProps) => {
  const startId = useId();
  const endId = useId();
  const setTime = (part: 'start' | 'end', value: string) => {
    if (CLOCK.test(value) && value !== quietHours[part]) onChange({ ...quietHours, [part]: value });
  };
  return (
    <div class="opt-quiet">
      <SwitchField
        label={t('optQuietLabel')}
        help={t('optQuietHelp')}
        checked={quietHours.enabled}
        onChange={(enabled) => onChange({ ...quietHours, enabled })}
      />
      <div class="opt-time-range opt-subfields">
        <label class="opt-time" for={startId}>
          <span class="opt-label">{t('optQuietStart')}</span>
          <input
            id={startId}
            class="opt-input"
            type="time"
            required
            disabled={!quietHours.enabled}
            value={quietHours.start}
            onChange={(event) => setTime('start', event.currentTarget.value)}
          />
        </label>
        <span class="opt-time-range__dash" aria-hidden="true">
          –
        </span>
        <label class="opt-time" for={endId}>
          <span class="opt-label">{t('optQuietEnd')}</span>
          <input
            id={endId}
            class="opt-input"
            type="time"
            required
            disabled={!quietHours.enabled}
            value={quietHours.end}
            onChange={(event) => setTime('end', event.currentTarget.value)}
          />
        </label>
      </div>
      {quietHours.enabled && quietHours.start === quietHours.end && (
        <p class="opt-message opt-message--warning opt-subfields">{t('optQuietSame')}</p>
      )}
    </div>
  );
};
