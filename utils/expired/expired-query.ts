import type { ExpiredUser } from '../protocol';
import { z } from '../zod';

export const expiredSortSchema = z.enum(['newest', 'oldest', 'phone', 'user']);
/** Ignored users stay in the list: everyone, only those who alert, or only the ignored. */
export const ignoredFilterSchema = z.enum(['all', 'alerting', 'ignored']);

export const expiredQuerySchema = z.object({
  /** Matches anywhere in the phone or the user id; empty matches everyone. */
  search: z.string().max(200).default(''),
  sort: expiredSortSchema.default('newest'),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(0).max(1000).default(100),
  show: ignoredFilterSchema.default('all'),
  /** Only these users (the ones one alert named, when a notification is clicked). */
  userIds: z.array(z.string().max(128)).max(1000).optional(),
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
