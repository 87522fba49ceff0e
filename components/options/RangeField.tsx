import { useEffect, useId, useState } from 'preact/hooks';
import './RangeField.css';

export interface RangeFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  format: (value: number) => string;
  /** Called when the user lets go (or per key press), not on every pixel of a drag. */
  onCommit: (value: number) => void;
}

/**
 * A slider that shows its value while dragging but reports only the final one: settings live in sync
 * storage, which allows about 120 writes a minute, and a drag fires dozens of input events.
 */
export const RangeField = ({ label, value, min, max, step, format, onCommit }: RangeFieldProps) => {
  const [draft, setDraft] = useState(value);
  const inputId = useId();
  // The stored value changed (this slider's commit, or another window): follow it.
  useEffect(() => setDraft(value), [value]);
  const text = format(draft);
  return (
    <div class="range-field">
      <label class="range-field__label" for={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        class="range-field__input"
        type="range"
        min={min}
        max={max}
        step={step}
        value={draft}
        aria-valuetext={text}
        onInput={(event) => setDraft(Number(event.currentTarget.value))}
        onChange={(event) => onCommit(Number(event.currentTarget.value))}
      />
      <output class="range-field__value" for={inputId}>
        {text}
      </output>
    </div>
  );
};
