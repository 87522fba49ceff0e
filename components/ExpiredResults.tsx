import type { ExpiredSearch } from '../hooks/use-expired-search';
import { ExpiredList, type ExpiredListProps } from './ExpiredList';
import { ListStateNotice } from './ListStateNotice';
import type { MonitorActions } from './monitor-actions';

export interface ExpiredResultsProps
  extends MonitorActions,
    Pick<ExpiredListProps, 'masked' | 'onCopyPhone' | 'rowHeight' | 'estimatedHeight' | 'locale' | 't'> {
  /** The list as the page searches it (useExpiredSearch). */
  list: ExpiredSearch;
  /** The server address the notices name (noticeUrl). */
  url: string;
}

/** The expired list, or the notice that stands in its place while it has nothing to show. */
export const ExpiredResults = ({
  list,
  url,
  masked,
  onCopyPhone,
  rowHeight,
  estimatedHeight,
  locale,
  t,
  ...actions
}: ExpiredResultsProps) =>
  list.notice ? (
    <ListStateNotice kind={list.notice} url={url} search={list.query} t={t} onRetry={list.rows.retry} {...actions} />
  ) : (
    <ExpiredList
      key={list.listKey}
      count={list.count}
      rowAt={list.rows.rowAt}
      onRangeChange={list.rows.showRange}
      masked={masked}
      onCopyPhone={onCopyPhone}
      rowHeight={rowHeight}
      estimatedHeight={estimatedHeight}
      locale={locale}
      t={t}
    />
  );
