// biome-ignore-all lint/a11y/useSemanticElements: a windowed table positions each row on its own, which native table layout cannot do; ARIA table roles keep the semantics (WAI-ARIA APG, "Table" pattern, aria-rowcount/aria-rowindex for partially rendered rows).
// biome-ignore-all lint/a11y/useFocusableInteractive: these rows and cells belong to a static table, not a grid; the copy buttons inside them take focus.
import type { ExpiredRow } from '../utils/expired/expired-query';
import { ExpiredListRow } from './ExpiredListRow';
import { useI18n } from './i18n-context';
import { VirtualList } from './VirtualList';
import './ExpiredList.css';

export interface ExpiredListProps {
  /** Users matching the search: the list's full length, though only a window of it is rendered. */
  count: number;
  rowAt: (index: number) => ExpiredRow | undefined;
  onRangeChange: (first: number, last: number) => void;
  masked: boolean;
  onCopyPhone: (phone: string) => void;
  onToggleIgnore?: (userId: string) => void;
  rowHeight?: number;
  estimatedHeight?: number;
}

/** The expired users as a table of phone, user id and expiry time, windowed for any length. */
export const ExpiredList = ({
  count,
  rowAt,
  onRangeChange,
  masked,
  onCopyPhone,
  onToggleIgnore,
  rowHeight = 34,
  estimatedHeight,
}: ExpiredListProps) => {
  const { t } = useI18n();
  return (
    <div class="xlist">
      <VirtualList
        itemCount={count}
        rowHeight={rowHeight}
        estimatedHeight={estimatedHeight}
        label={t('listLabel')}
        onRangeChange={onRangeChange}
        header={
          <div class="xrow xrow--head" role="row" aria-rowindex={1}>
            <span class="xrow__cell" role="columnheader">
              {t('columnPhone')}
            </span>
            <span class="xrow__cell" role="columnheader">
              {t('columnUser')}
            </span>
            <span class="xrow__cell xrow__time" role="columnheader">
              {t('columnExpired')}
            </span>
            <span class="xrow__cell" role="columnheader">
              <span class="visually-hidden">{t('columnActions')}</span>
            </span>
          </div>
        }
        renderRow={(index, rowProps) => (
          <ExpiredListRow
            key={index}
            row={rowAt(index)}
            masked={masked}
            rowIndex={rowProps['aria-rowindex']}
            style={rowProps.style}
            onCopyPhone={onCopyPhone}
            onToggleIgnore={onToggleIgnore}
          />
        )}
      />
    </div>
  );
};
