import { useId } from 'preact/hooks';
import type { MessageKey, Translate } from '../../utils/i18n';
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

interface TimeFieldProps {
  label: string;
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
}

/** One end of the range; a component of its own so each input gets its own id for its label. */
const TimeField = ({ label, value, disabled, onChange }: TimeFieldProps) => {
  const id = useId();
  return (
    <label class="opt-time" for={id}>
      <span class="opt-label">{label}</span>
      <input
        id={id}
        class="opt-input"
        type="time"
        required
        disabled={disabled}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </label>
  );
};

export const QuietHoursField = ({ quietHours, t, onChange }: QuietHoursFieldProps) => {
  const timeField = (part: 'start' | 'end', label: MessageKey) => (
    <TimeField
      label={t(label)}
      value={quietHours[part]}
      disabled={!quietHours.enabled}
      onChange={(value) => {
        if (CLOCK.test(value) && value !== quietHours[part]) onChange({ ...quietHours, [part]: value });
      }}
    />
  );
  return (
    <div class="opt-quiet">
      <SwitchField
        label={t('optQuietLabel')}
        help={t('optQuietHelp')}
        checked={quietHours.enabled}
        onChange={(enabled) => onChange({ ...quietHours, enabled })}
      />
      <div class="opt-time-range opt-subfields">
        {timeField('start', 'optQuietStart')}
        <span class="opt-time-range__dash" aria-hidden="true">
          –
        </span>
        {timeField('end', 'optQuietEnd')}
      </div>
      {quietHours.enabled && quietHours.start === quietHours.end && (
        <p class="opt-message opt-message--warning opt-subfields">{t('optQuietSame')}</p>
      )}
    </div>
  );
};
