import './ServerSwitch.css';
import './SwitchField.css';

export interface ServerSwitchProps {
  /** The short word beside the switch ("Speech"). */
  label: string;
  /** The visible word with the server's name, since the same switch repeats on every server. */
  accessibleName: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A switch of one server, small enough for several to share a line. */
export const ServerSwitch = ({ label, accessibleName, checked, onChange }: ServerSwitchProps) => (
  <label class="server-switch">
    <input
      type="checkbox"
      role="switch"
      class="switch"
      checked={checked}
      aria-checked={checked}
      aria-label={accessibleName}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
    <span class="server-switch__label">{label}</span>
  </label>
);
