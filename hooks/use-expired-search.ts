import { useState } from 'preact/hooks';
import { sendMessage } from '../platform/messaging';
import type { ExpiredSort } from '../utils/expired/expired-query';
import type { MonitorView } from '../utils/monitor/monitor-view';
import { type ListNoticeKind, listNoticeKind } from '../utils/ui/list-notice-kind';
import { useDebouncedValue } from './use-debounced-value';
import {
  type ExpiredFilter,
  type ExpiredRows,
  expiredListKey,
  type FetchExpiredPage,
  useExpiredRows,
} from './use-expired-rows';

/** Fast enough to feel live, slow enough that typing "13800" asks the worker once. */
export const SEARCH_DEBOUNCE_MS = 150;

/** The worker holds the list; a page asks it for the rows it shows. */
export const fetchExpiredPage: FetchExpiredPage = (query) => sendMessage('queryExpired', query);

export interface ExpiredSearch {
  /** What is typed in the search box. */
  search: string;
  setSearch: (search: string) => void;
  /** The search the list shows: trimmed, and only once typing pauses. */
  query: string;
  rows: ExpiredRows;
  /** Rows of the list shown: the users matching the query, or every expired user until the worker says. */
  count: number;
  /** What stands in the list's place, if anything. */
  notice: ListNoticeKind | null;
  /** Changes with the list shown (search or sort), so a new list starts at its top. */
  listKey: string;
}

/** The expired list as a page searches and shows it, with the notice that stands in for it when empty. */
export const useExpiredSearch = ({
  view,
  sort,
  filter,
  ignored = [],
}: {
  view: MonitorView | null;
  sort: ExpiredSort;
  filter?: ExpiredFilter;
  /** The ignore list: rows say who is ignored, so a change makes them stale like a new list version. */
  ignored?: readonly string[];
}): ExpiredSearch => {
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const rows = useExpiredRows({
    listVersion: view?.expiredVersion ?? null,
    rowsKey: ignored.join('\u0001'),
    search: query,
    sort,
    filter,
    fetchPage: fetchExpiredPage,
  });
  return {
    search,
    setSearch,
    query,
    rows,
    count: rows.matched ?? view?.expiredCount ?? 0,
    notice: listNoticeKind({ view, matched: rows.matched, failed: rows.failed, search: query }),
    listKey: expiredListKey(query, sort, filter),
  };
};
