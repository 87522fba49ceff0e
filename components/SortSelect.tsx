import type { ExpiredSort } from '../utils/expired/expired-query';
import type { MessageKey } from '../utils/i18n';
import { ChoiceSelect } from './ChoiceSelect';

export interface SortSelectProps {
  value: ExpiredSort;
  onChange: (sort: ExpiredSort) => void;
}

const CHOICES: ReadonlyArray<readonly [ExpiredSort, MessageKey]> = [
  ['newest', 'sortNewest'],
  ['oldest', 'sortOldest'],
  ['phone', 'sortPhone'],
  ['user', 'sortUser'],
];

/** The expired list's order. */
export const SortSelect = ({ value, onChange }: SortSelectProps) => (
  <ChoiceSelect label="sortLabel" choices={CHOICES} value={value} onChange={onChange} />
);
