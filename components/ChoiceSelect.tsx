import { useId } from 'preact/hooks';
import type { MessageKey } from '../utils/i18n';
import { useI18n } from './i18n-context';
import { Select } from './Select';
import './ChoiceSelect.css';

export interface ChoiceSelectProps<T extends string> {
  label: MessageKey;
  /** Each choice and the words it shows. */
  choices: ReadonlyArray<readonly [T, MessageKey]>;
  value: T;
  onChange: (value: T) => void;
}

/** A short labelled drop-down over a fixed set of choices (sort order, who to show). */
export const ChoiceSelect = <T extends string>({ label, choices, value, onChange }: ChoiceSelectProps<T>) => {
  const { t } = useI18n();
  const id = useId();
  return (
    <div class="choice">
      <label class="choice__label" for={id}>
        {t(label)}
      </label>
      <Select
        id={id}
        value={value}
        onChange={(event) => {
          const next = choices.find(([choice]) => choice === event.currentTarget.value);
          if (next) onChange(next[0]);
        }}
      >
        {choices.map(([choice, key]) => (
          <option key={choice} value={choice}>
            {t(key)}
          </option>
        ))}
      </Select>
    </div>
  );
};
