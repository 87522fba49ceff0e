import { useId } from 'preact/hooks';
import type { ExpiredSort } from '../utils/expired/expired-query';
import type { MessageKey, Translate } from '../utils/i18n';
import './SortSelect.css';

export interface SortSelectProps {
  value: ExpiredSort;
  onChange: (sort: ExpiredSort) => void;
  t: Translate;
}

const OPTIONS: ReadonlyArray<[ExpiredSort, MessageKey]> = [
  ['newest', 'sortNewest'],
  ['oldest', 'sortOldest'],
  ['phone', 'sortPhone'],
  ['user', 'sortUser'],
];

const isSort = (value: string): value is ExpiredSort => OPTIONS.some(([sort]) => sort === value);

export const SortSelect = ({ value, onChange, t }: SortSelectProps) => {
  const id = useId();
  return (
    <div class="sort">
      <label class="sort__label" for={id}>
        {t('sortLabel')}
      </label>
      <select
        id={id}
        class="sort__select"
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
      </select>
    </div>
  );
};
