import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ExpiredPage, ExpiredQuery, ExpiredRow, ExpiredSort } from '../utils/expired';

/** Narrows the list besides the search: by the ignore list, to one server, or to the users one alert named. */
export type ExpiredFilter = Pick<ExpiredQuery, 'show' | 'server' | 'userIds'>;

/** Rows per request: a popup shows about 6 rows and the dashboard about 30, so one or two pages cover them. */
export const EXPIRED_PAGE_SIZE = 100;
/** Pages kept in memory (20,000 rows); the oldest used are dropped first. */
const CACHE_LIMIT = 200;

export type FetchExpiredPage = (query: ExpiredQuery) => Promise<ExpiredPage>;

export interface ExpiredRowsOptions {
  /**
   * The list version the page's view shows (MonitorView.expiredVersion); null before the worker has published
   * one. A page the worker answered from another version is asked for again.
   */
  listVersion: number | null;
  /** Whatever else changes the rows (the ignore list: rows say who is ignored); a new value makes every page stale. */
  rowsKey?: string;
  search: string;
  sort: ExpiredSort;
  filter?: ExpiredFilter;
  fetchPage: FetchExpiredPage;
  pageSize?: number;
}

export interface ExpiredRows {
  /** Users matching the search, from the newest answer (the previous search's until then); null before any. */
  matched: number | null;
  /** Expired users in all; null before the first answer. */
  total: number | null;
  /** The row at a position of the sorted, filtered list; undefined while its page is on its way. */
  rowAt: (index: number) => ExpiredRow | undefined;
  /** The rows on screen (inclusive); missing or stale pages among them are fetched. */
  showRange: (first: number, last: number) => void;
  /** The last request failed (the worker did not answer). */
  failed: boolean;
  retry: () => void;
}

interface CachedPage {
  /** The rowsKey the page was asked with. */
  rowsKey: string;
  /** Request order: an answer never replaces one to a later request, whatever order they arrive in. */
  seq: number;
  page: ExpiredPage;
}

/** One key per list shown: a new search, sort or filter is a new list. */
export const expiredListKey = (search: string, sort: ExpiredSort, filter: ExpiredFilter = {}) =>
  [
    sort,
    search,
    filter.show ?? 'all',
    filter.server === undefined ? 'every' : `server:${filter.server}`,
    filter.userIds ? `only:${filter.userIds.join('\u0001')}` : 'any',
  ].join('\u0000');

/** The filter's fields that narrow anything: the worker is asked only what the page means to ask. */
export const filterFields = (filter: ExpiredFilter = {}): ExpiredFilter => ({
  ...(filter.show && { show: filter.show }),
  ...(filter.server !== undefined && { server: filter.server }),
  ...(filter.userIds && { userIds: filter.userIds }),
});

const pageKey = (list: string, page: number) => `${list}\u0000${page}`;

/**
 * A page is fresh when it answers the rows asked for now and comes from the list version the view shows. Before
 * the view is known, whatever the worker answered is the freshest there is: a page opening asks at once rather
 * than after the view, and when the view comes with that version the rows are already there.
 */
const isFresh = (cached: CachedPage | undefined, listVersion: number | null, rowsKey: string) =>
  cached !== undefined && cached.rowsKey === rowsKey && (listVersion === null || cached.page.version === listVersion);

/**
 * A window onto the worker's expired list. The list itself (up to 100,000 users) never crosses to the page:
 * only the pages around what is on screen are asked for, cached by (search, sort, page) with the version
 * they belong to. A stale page stays on screen until its fresh copy arrives, so new expiries do not blank it.
 */
export const useExpiredRows = ({
  listVersion,
  rowsKey = '',
  search,
  sort,
  filter,
  fetchPage,
  pageSize = EXPIRED_PAGE_SIZE,
}: ExpiredRowsOptions): ExpiredRows => {
  const [, setRevision] = useState(0);
  const [failed, setFailed] = useState(false);
  const cache = useRef(new Map<string, CachedPage>());
  const counts = useRef(new Map<string, { seq: number; matched: number; total: number }>());
  const inFlight = useRef(new Set<string>());
  const range = useRef({ list: '', first: 0, last: 0 });
  const seq = useRef(0);
  const lastShown = useRef<{ matched: number; total: number } | undefined>(undefined);
  const mounted = useRef(true);
  const list = expiredListKey(search, sort, filter);
  const current = useRef({ listVersion, rowsKey, list, search, sort, filter, fetchPage, pageSize });
  current.current = { listVersion, rowsKey, list, search, sort, filter, fetchPage, pageSize };

  const load = useCallback(() => {
    const { listVersion, rowsKey, list, search, sort, filter, fetchPage, pageSize } = current.current;
    // A new search or sort starts at the top; the old scroll position means nothing in the new list.
    if (range.current.list !== list) range.current = { list, first: 0, last: range.current.last - range.current.first };
    const { first, last } = range.current;
    for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) {
      const key = pageKey(list, page);
      if (isFresh(cache.current.get(key), listVersion, rowsKey)) continue;
      const flight = `${key}\u0000${listVersion}\u0000${rowsKey}`;
      if (inFlight.current.has(flight)) continue;
      inFlight.current.add(flight);
      const requestSeq = ++seq.current;
      fetchPage({ search, sort, ...filterFields(filter), offset: page * pageSize, limit: pageSize }).then(
        (answer) => {
          inFlight.current.delete(flight);
          const cached = cache.current.get(key);
          if (cached && cached.seq > requestSeq) return;
          // Re-inserting keeps the Map in least-recently-fetched order for trimming.
          cache.current.delete(key);
          cache.current.set(key, { rowsKey, seq: requestSeq, page: answer });
          for (const oldest of cache.current.keys()) {
            if (cache.current.size <= CACHE_LIMIT) break;
            cache.current.delete(oldest);
          }
          if ((counts.current.get(list)?.seq ?? -1) < requestSeq) {
            counts.current.set(list, { seq: requestSeq, matched: answer.matched, total: answer.total });
          }
          if (!mounted.current) return;
          setFailed(false);
          setRevision((revision) => revision + 1);
        },
        () => {
          inFlight.current.delete(flight);
          if (mounted.current) setFailed(true);
        },
      );
    }
  }, []);

  const showRange = useCallback(
    (first: number, last: number) => {
      range.current = { list: current.current.list, first: Math.max(0, first), last: Math.max(first, last) };
      load();
    },
    [load],
  );

  const retry = useCallback(() => {
    setFailed(false);
    load();
  }, [load]);

  // Asked as soon as the list is rendered rather than a frame later: the popup's first rows wait on it.
  useLayoutEffect(() => {
    load();
  }, [listVersion, rowsKey, list, load]);

  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const rowAt = (index: number): ExpiredRow | undefined => {
    const cached = cache.current.get(pageKey(list, Math.floor(index / pageSize)));
    return cached?.page.rows[index - cached.page.offset];
  };

  // Until the first answer for a new search arrives, the previous counts stand in: the list keeps its
  // height instead of collapsing for a few milliseconds on every keystroke.
  const known = counts.current.get(list) ?? lastShown.current;
  lastShown.current = known;
  return { matched: known?.matched ?? null, total: known?.total ?? null, rowAt, showRange, failed, retry };
};
