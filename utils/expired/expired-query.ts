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
  /** Only these users (the ones one alert named, when a notification is clicked). */
  userIds: z.optional(checked(z.array(checked(z.string(), z.maxLength(128))), z.maxLength(1000))),
});

export type ExpiredSort = z.infer<typeof expiredSortSchema>;
export type IgnoredFilter = z.infer<typeof ignoredFilterSchema>;
export type ExpiredQuery = z.input<typeof expiredQuerySchema>;

/** What a page shows of one expired user: never the token; whether the operator ignores them. */
export type ExpiredRow = Omit<ExpiredUser, 'token'> & { ignored: boolean };

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

const compareBy: Record<ExpiredSort, (a: ExpiredUser, b: ExpiredUser) => number> = {
  // expired_time is the server's fixed-width ISO form, so string order is time order.
  newest: (a, b) => (a.expired_time < b.expired_time ? 1 : a.expired_time > b.expired_time ? -1 : 0),
  oldest: (a, b) => (a.expired_time < b.expired_time ? -1 : a.expired_time > b.expired_time ? 1 : 0),
  phone: (a, b) => a.phone.localeCompare(b.phone),
  user: (a, b) => a.user_id.localeCompare(b.user_id, undefined, { numeric: true }),
};

export const sortExpired = (users: Iterable<ExpiredUser>, sort: ExpiredSort): ExpiredUser[] =>
  [...users].sort(compareBy[sort]);

const toRow =
  (ignored: ReadonlySet<string>) =>
  ({ user_id, phone, expired_time }: ExpiredUser): ExpiredRow => ({
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

/** One page of a sorted list, filtered by the search text, the ignore filter and the users asked for. */
export const queryExpired = (
  sorted: readonly ExpiredUser[],
  query: ExpiredQuery,
  version: number,
  ignored: ReadonlySet<string> = new Set(),
): ExpiredPage => {
  const { search, offset, limit, show, userIds } = expiredQuerySchema.parse(query);
  const filtered = search.trim() || show !== 'all' || userIds;
  const matches = filtered ? sorted.filter(matcher(search, show, userIds, ignored)) : sorted;
  return {
    version,
    total: sorted.length,
    matched: matches.length,
    offset,
    rows: matches.slice(offset, offset + limit).map(toRow(ignored)),
  };
};
