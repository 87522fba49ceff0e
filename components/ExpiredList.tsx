// biome-ignore-all lint/a11y/useSemanticElements: a windowed table positions each row on its own, which native table layout cannot do; ARIA table roles keep the semantics (WAI-ARIA APG, "Table" pattern, aria-rowcount/aria-rowindex for partially rendered rows).
// biome-ignore-all lint/a11y/useFocusableInteractive: these rows and cells belong to a static table, not a grid; the copy buttons inside them take focus.
import type { ExpiredRow } from '../utils/expired/expired-query';
import { expiredRowKey } from '../utils/ui/expired-row-key';
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
  /** Server id to name, when the list mixes several servers: a column then says whose user each row is. */
  serverLabels?: ReadonlyMap<string, string>;
  rowHeight?: number;
  estimatedHeight?: number;
}

/** A row's identity: its user on its server, so a focused button stays with its user as new expiries arrive. */
const identityAt = (rowAt: ExpiredListProps['rowAt']) => (index: number) => {
  const row = rowAt(index);
  return row && expiredRowKey(row);
};

/** The expired users as a table of phone, user id and expiry time, windowed for any length. */
export const ExpiredList = ({
  count,
  rowAt,
  onRangeChange,
  masked,
  onCopyPhone,
  onToggleIgnore,
  serverLabels,
  rowHeight = 34,
  estimatedHeight,
}: ExpiredListProps) => {
  const { t } = useI18n();
  return (
    <div class={serverLabels ? 'xlist xlist--servers' : 'xlist'}>
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
            {serverLabels && (
              <span class="xrow__cell" role="columnheader">
                {t('columnServer')}
              </span>
            )}
            <span class="xrow__cell xrow__time" role="columnheader">
              {t('columnExpired')}
            </span>
            <span class="xrow__cell" role="columnheader">
              <span class="visually-hidden">{t('columnActions')}</span>
            </span>
          </div>
        }
        rowKey={identityAt(rowAt)}
        renderRow={(index, rowProps, key) => (
          <ExpiredListRow
            key={key}
            row={rowAt(index)}
            masked={masked}
            rowIndex={rowProps['aria-rowindex']}
            style={rowProps.style}
            onCopyPhone={onCopyPhone}
            onToggleIgnore={onToggleIgnore}
            serverLabels={serverLabels}
          />
        )}
      />
    </div>
  );
};
