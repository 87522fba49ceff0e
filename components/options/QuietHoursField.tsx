import { useId } from 'preact/hooks';
import type { MessageKey } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { Input } from '../Input';
import { useI18n } from '../i18n-context';
import { InlineMessage } from './InlineMessage';
import { Subfields } from './Subfields';
import { SwitchField } from './SwitchField';
import './QuietHoursField.css';

type QuietHours = Settings['quietHours'];

export interface QuietHoursFieldProps {
  quietHours: QuietHours;
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
    <label class="quiet-hours__time" for={id}>
      <span class="quiet-hours__time-label">{label}</span>
      <Input
        id={id}
        type="time"
        required
        disabled={disabled}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </label>
  );
};

export const QuietHoursField = ({ quietHours, onChange }: QuietHoursFieldProps) => {
  const { t } = useI18n();
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
    <div class="quiet-hours">
      <SwitchField
        label={t('optQuietLabel')}
        help={t('optQuietHelp')}
        checked={quietHours.enabled}
        onChange={(enabled) => onChange({ ...quietHours, enabled })}
      />
      <Subfields>
        <div class="quiet-hours__range">
          {timeField('start', 'optQuietStart')}
          <span class="quiet-hours__dash" aria-hidden="true">
            –
          </span>
          {timeField('end', 'optQuietEnd')}
        </div>
        {quietHours.enabled && quietHours.start === quietHours.end && (
          <InlineMessage tone="warning">{t('optQuietSame')}</InlineMessage>
        )}
      </Subfields>
    </div>
  );
};
