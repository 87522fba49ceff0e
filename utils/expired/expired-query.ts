import type { ExpiredUser } from '../protocol';
import { z } from '../zod';

export const expiredSortSchema = z.enum(['newest', 'oldest', 'phone', 'user']);

export const expiredQuerySchema = z.object({
  /** Matches anywhere in the phone or the user id; empty matches everyone. */
  search: z.string().max(200).default(''),
  sort: expiredSortSchema.default('newest'),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(0).max(1000).default(100),
});

export type ExpiredSort = z.infer<typeof expiredSortSchema>;
export type ExpiredQuery = z.input<typeof expiredQuerySchema>;

/** What a page shows of one expired user: never the token. */
export type ExpiredRow = Omit<ExpiredUser, 'token'>;

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

const toRow = ({ user_id, phone, expired_time }: ExpiredUser): ExpiredRow => ({ user_id, phone, expired_time });

/** One page of a sorted list, filtered by the search text. */
export const queryExpired = (sorted: readonly ExpiredUser[], query: ExpiredQuery, version: number): ExpiredPage => {
  const { search, offset, limit } = expiredQuerySchema.parse(query);
  const needle = search.trim().toLowerCase();
  const matches = needle
    ? sorted.filter((user) => user.phone.includes(needle) || user.user_id.toLowerCase().includes(needle))
    : sorted;
  return {
    version,
    total: sorted.length,
    matched: matches.length,
    offset,
    rows: matches.slice(offset, offset + limit).map(toRow),
  };
};
