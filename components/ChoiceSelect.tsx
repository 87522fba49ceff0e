import type { MessageKey } from '../utils/i18n';
import { useI18n } from './i18n-context';
import { LabelledSelect } from './LabelledSelect';

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
  return (
    <LabelledSelect
      label={t(label)}
      options={choices.map(([choice, key]) => [choice, t(key)] as const)}
      value={value}
      onChange={(picked) => {
        const next = choices.find(([choice]) => choice === picked);
        if (next) onChange(next[0]);
      }}
    />
  );
};
