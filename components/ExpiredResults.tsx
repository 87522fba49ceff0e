import type { ListNoticeKind } from '../utils/ui/list-notice-kind';
import type { MonitorActions } from '../utils/ui/monitor-actions';
import { ExpiredList, type ExpiredListProps } from './ExpiredList';
import { ListStateNotice } from './ListStateNotice';

/**
 * The searched list, as far as this component reads it. A page's useExpiredSearch returns one; it is
 * described here rather than imported so that components never depend on hooks.
 */
export interface SearchedList {
  /** What stands in the list's place, if anything. */
  notice: ListNoticeKind | null;
  /** The search the list shows, which the no-match notice repeats. */
  query: string;
  count: number;
  /** Changes with the list shown (search or sort), so a new list starts at its top. */
  listKey: string;
  rows: {
    rowAt: ExpiredListProps['rowAt'];
    showRange: ExpiredListProps['onRangeChange'];
    retry: () => void;
  };
}

export interface ExpiredResultsProps
  extends MonitorActions,
    Pick<
      ExpiredListProps,
      'masked' | 'onCopyPhone' | 'onToggleIgnore' | 'serverLabels' | 'rowHeight' | 'estimatedHeight'
    > {
  list: SearchedList;
  /** The server address the notices name (noticeUrl). */
  url: string;
}

/** The expired list, or the notice that stands in its place while it has nothing to show. */
export const ExpiredResults = ({
  list,
  url,
  masked,
  onCopyPhone,
  onToggleIgnore,
  serverLabels,
  rowHeight,
  estimatedHeight,
  ...actions
}: ExpiredResultsProps) =>
  list.notice ? (
    <ListStateNotice kind={list.notice} url={url} search={list.query} onRetry={list.rows.retry} {...actions} />
  ) : (
    <ExpiredList
      key={list.listKey}
      count={list.count}
      rowAt={list.rows.rowAt}
      onRangeChange={list.rows.showRange}
      masked={masked}
      onCopyPhone={onCopyPhone}
      onToggleIgnore={onToggleIgnore}
      serverLabels={serverLabels}
      rowHeight={rowHeight}
      estimatedHeight={estimatedHeight}
    />
  );
