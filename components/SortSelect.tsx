import { useId } from 'preact/hooks';
import type { ExpiredSort } from '../utils/expired/expired-query';
import type { MessageKey } from '../utils/i18n';
import { useI18n } from './i18n-context';
import { Select } from './Select';
import './SortSelect.css';

export interface SortSelectProps {
  value: ExpiredSort;
  onChange: (sort: ExpiredSort) => void;
}

const OPTIONS: ReadonlyArray<[ExpiredSort, MessageKey]> = [
  ['newest', 'sortNewest'],
  ['oldest', 'sortOldest'],
  ['phone', 'sortPhone'],
  ['user', 'sortUser'],
];

const isSort = (value: string): value is ExpiredSort => OPTIONS.some(([sort]) => sort === value);

export const SortSelect = ({ value, onChange }: SortSelectProps) => {
  const { t } = useI18n();
  const id = useId();
  return (
    <div class="sort">
      <label class="sort__label" for={id}>
        {t('sortLabel')}
      </label>
      <Select
        id={id}
        value={value}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (isSort(next)) onChange(next);
        }}
      >
        {OPTIONS.map(([sort, key]) => (
          <option key={sort} value={sort}>
            {t(key)}
          </option>
        ))}
      </Select>
    </div>
  );
};
