import { useId } from 'preact/hooks';

export interface SwitchFieldProps {
  label: string;
  help?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A checkbox drawn as a switch; role="switch" makes screen readers say on/off rather than checked. */
export const SwitchField = ({ label, help, checked, onChange }: SwitchFieldProps) => {
  const helpId = useId();
  return (
    <label class="opt-row opt-row--switch">
      <span class="opt-row__text">
        <span class="opt-row__label">{label}</span>
        {help && (
          <span class="opt-help" id={helpId}>
            {help}
          </span>
        )}
      </span>
      <input
        type="checkbox"
        role="switch"
        class="opt-switch"
        checked={checked}
        aria-checked={checked}
        aria-describedby={help ? helpId : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
    </label>
  );
};
