import { useId } from 'preact/hooks';
import { Select } from './Select';
import './ChoiceSelect.css';

export interface LabelledSelectProps {
  label: string;
  /** Each option's value and the words it shows. */
  options: ReadonlyArray<readonly [value: string, text: string]>;
  value: string;
  onChange: (value: string) => void;
}

/** A short drop-down with its label beside it, as the lists' filters are. */
export const LabelledSelect = ({ label, options, value, onChange }: LabelledSelectProps) => {
  const id = useId();
  return (
    <div class="choice">
      <label class="choice__label" for={id}>
        {label}
      </label>
      <Select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </Select>
    </div>
  );
};
