import type { ExpiredUser } from '../protocol';
import { checked, z } from '../zod';

export const expiredSortSchema = z.enum(['newest', 'oldest', 'phone', 'user']);
/** Ignored users stay in the list: everyone, only those who alert, or only the ignored. */
export const ignoredFilterSchema = z.enum(['all', 'alerting', 'ignored']);

export const expiredQuerySchema = z.object({
  /** Matches anywhere in the phone or the user id; empty matches everyone. */
  search: z._default(checked(z.string(), z.maxLength(200)), ''),
  sort: z._default(expiredSortSchema, 'newest'),
  offset: z._default(checked(z.number(), z.int(), z.nonnegative()), 0),
  limit: z._default(checked(z.number(), z.int(), z.minimum(0), z.maximum(1000)), 100),
  show: z._default(ignoredFilterSchema, 'all'),
  /** Only this server's users (its id); every server's when absent. */
  server: z.optional(checked(z.string(), z.maxLength(40))),
  /** Only these users (the ones one alert named, when a notification is clicked). */
  userIds: z.optional(checked(z.array(checked(z.string(), z.maxLength(128))), z.maxLength(1000))),
});

export type ExpiredSort = z.infer<typeof expiredSortSchema>;
export type IgnoredFilter = z.infer<typeof ignoredFilterSchema>;
export type ExpiredQuery = z.input<typeof expiredQuerySchema>;
/** A query as the schema leaves it: defaults filled in, checked. */
export type ParsedQuery = z.infer<typeof expiredQuerySchema>;

/**
 * What a page shows of one expired user: never the token; whether the operator ignores them; which server
 * (its id) listed them.
 */
export type ExpiredRow = Omit<ExpiredUser, 'token'> & { ignored: boolean; server: string };

export interface ExpiredPage {
  /** The list version these rows come from (see MonitorView.expiredVersion). */
  version: number;
  /** Expired users in all. */
  total: number;
  /** Users that match the search. */
  matched: number;
  offset: number;
  rows: ExpiredRow[];
}

/** Each sort's order, as a comparator. */
export const compareBy: Record<ExpiredSort, (a: ExpiredUser, b: ExpiredUser) => number> = {
  // expired_time is the server's fixed-width ISO form, so string order is time order.
  newest: (a, b) => (a.expired_time < b.expired_time ? 1 : a.expired_time > b.expired_time ? -1 : 0),
  oldest: (a, b) => (a.expired_time < b.expired_time ? -1 : a.expired_time > b.expired_time ? 1 : 0),
  phone: (a, b) => a.phone.localeCompare(b.phone),
  user: (a, b) => a.user_id.localeCompare(b.user_id, undefined, { numeric: true }),
};

export const sortExpired = (users: Iterable<ExpiredUser>, sort: ExpiredSort): ExpiredUser[] =>
  [...users].sort(compareBy[sort]);

/** Where `user` goes in `sorted` after every entry that does not come after it (as a stable sort puts it). */
const upperBound = (sorted: readonly ExpiredUser[], user: ExpiredUser, compare: typeof compareBy.newest) => {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(user, sorted[middle] as ExpiredUser) < 0) high = middle;
    else low = middle + 1;
  }
  return low;
};

/**
 * The first `count` users that `keep` accepts, in the order sortExpired gives them, and how many it accepts,
 * in one pass: a page of 100 rows out of 100,000 users costs a scan, not a sort.
 */
export const firstSorted = (
  users: Iterable<ExpiredUser>,
  sort: ExpiredSort,
  count: number,
  keep: (user: ExpiredUser) => boolean = () => true,
): { first: ExpiredUser[]; matched: number } => {
  const compare = compareBy[sort];
  const first: ExpiredUser[] = [];
  let matched = 0;
  for (const user of users) {
    if (!keep(user)) continue;
    matched += 1;
    const last = first.at(-1);
    if (first.length >= count && (last === undefined || compare(user, last) >= 0)) continue;
    first.splice(upperBound(first, user, compare), 0, user);
    if (first.length > count) first.pop();
  }
  return { first, matched };
};

const toRow =
  (ignored: ReadonlySet<string>, server: string) =>
  ({ user_id, phone, expired_time }: ExpiredUser): ExpiredRow => ({
    server,
    user_id,
    phone,
    expired_time,
    ignored: ignored.has(user_id),
  });

const matcher = (
  search: string,
  show: IgnoredFilter,
  userIds: readonly string[] | undefined,
  ignored: ReadonlySet<string>,
) => {
  const needle = search.trim().toLowerCase();
  const only = userIds && new Set(userIds);
  return (user: ExpiredUser) =>
    (!needle || user.phone.includes(needle) || user.user_id.toLowerCase().includes(needle)) &&
    (!only || only.has(user.user_id)) &&
    (show === 'all' || ignored.has(user.user_id) === (show === 'ignored'));
};

/** The users a query pages through: sorted already, or not (then only the page's part gets sorted). */
export type ExpiredSource =
  | { sorted: readonly ExpiredUser[] }
  | { unsorted: Iterable<ExpiredUser>; size: number }
  /** The first users of a list of `size` in the query's order, unfiltered: enough for the page asked. */
  | { first: readonly ExpiredUser[]; size: number };

/** Whether a query narrows the list (a search, the ignore filter, the users one alert named). */
export const isFiltered = ({ search, show, userIds }: Pick<ParsedQuery, 'search' | 'show' | 'userIds'>) =>
  search.trim() !== '' || show !== 'all' || userIds !== undefined;

/** The first `count` users a query matches, in its order, and how many there are in all and matching. */
const firstMatches = (
  source: ExpiredSource,
  query: ParsedQuery,
  count: number,
  ignored: ReadonlySet<string>,
): { users: readonly ExpiredUser[]; total: number; matched: number } => {
  const { search, sort, show, userIds } = query;
  const keep = isFiltered(query) ? matcher(search, show, userIds, ignored) : undefined;
  if ('unsorted' in source) {
    const { first, matched } = firstSorted(source.unsorted, sort, count, keep);
    return { users: first, total: source.size, matched };
  }
  if ('first' in source) return { users: source.first.slice(0, count), total: source.size, matched: source.size };
  const matches = keep ? source.sorted.filter(keep) : source.sorted;
  return { users: matches.slice(0, count), total: source.sorted.length, matched: matches.length };
};

/** One page of the list, filtered by the search text, the ignore filter and the users asked for. */
export const queryExpired = (
  source: ExpiredSource,
  query: ExpiredQuery,
  version: number,
  ignored: ReadonlySet<string> = new Set(),
  server = '',
): ExpiredPage => {
  const parsed = expiredQuerySchema.parse(query);
  const { offset, limit } = parsed;
  const { users, total, matched } = firstMatches(source, parsed, offset + limit, ignored);
  return { version, total, matched, offset, rows: users.slice(offset, offset + limit).map(toRow(ignored, server)) };
};

/** One server's users, for a query over several. */
export interface ServerSource {
  id: string;
  source: ExpiredSource;
}

/**
 * One page of every server's list together: each server gives its first matches down to the page's end,
 * and the page is cut from them merged in the query's order.
 */
export const queryServers = (
  servers: readonly ServerSource[],
  query: ExpiredQuery,
  version: number,
  ignored: ReadonlySet<string> = new Set(),
): ExpiredPage => {
  const [only] = servers;
  if (servers.length === 1 && only) return queryExpired(only.source, query, version, ignored, only.id);
  const parsed = expiredQuerySchema.parse(query);
  const { offset, limit, sort } = parsed;
  const compare = compareBy[sort];
  let total = 0;
  let matched = 0;
  const tagged: { user: ExpiredUser; server: string }[] = [];
  for (const { id, source } of servers) {
    const found = firstMatches(source, parsed, offset + limit, ignored);
    total += found.total;
    matched += found.matched;
    for (const user of found.users) tagged.push({ user, server: id });
  }
  tagged.sort((a, b) => compare(a.user, b.user));
  const rows = tagged.slice(offset, offset + limit).map(({ user, server }) => toRow(ignored, server)(user));
  return { version, total, matched, offset, rows };
};
