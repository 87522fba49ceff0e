import type { IgnoredFilter } from '../utils/expired/expired-query';
import type { MessageKey } from '../utils/i18n';
import { ChoiceSelect } from './ChoiceSelect';

export interface IgnoredFilterSelectProps {
  value: IgnoredFilter;
  onChange: (show: IgnoredFilter) => void;
}

const CHOICES: ReadonlyArray<readonly [IgnoredFilter, MessageKey]> = [
  ['all', 'ignoredFilterAll'],
  ['alerting', 'ignoredFilterAlerting'],
  ['ignored', 'ignoredFilterIgnored'],
];

/** Everyone, only those who alert, or only the ignored: ignored users stay listed, so they can be found. */
export const IgnoredFilterSelect = ({ value, onChange }: IgnoredFilterSelectProps) => (
  <ChoiceSelect label="ignoredFilterLabel" choices={CHOICES} value={value} onChange={onChange} />
);
