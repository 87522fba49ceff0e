import { useId } from 'preact/hooks';
import { SettingRow } from './SettingRow';
import './SwitchField.css';

export interface SwitchFieldProps {
  label: string;
  help?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A checkbox drawn as a switch; role="switch" makes screen readers say on/off rather than checked. */
export const SwitchField = ({ label, help, checked, onChange }: SwitchFieldProps) => {
  const switchId = useId();
  const helpId = useId();
  return (
    <SettingRow label={label} help={help} controlId={switchId} helpId={helpId} rowIsLabel>
      <input
        id={switchId}
        type="checkbox"
        role="switch"
        class="switch"
        checked={checked}
        aria-checked={checked}
        aria-describedby={help ? helpId : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
    </SettingRow>
  );
};
