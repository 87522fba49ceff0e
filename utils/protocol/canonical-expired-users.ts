import { EXPIRED_USER_LIMITS, type ExpiredUser } from './expired-user';

const isShortString = (value: unknown, limit: number): value is string =>
  typeof value === 'string' && value.length <= limit;

/** Absent: undefined, or null as Python servers send it. */
const isShortOrAbsent = (value: unknown, limit: number): value is string | null | undefined =>
  value === undefined || value === null || isShortString(value, limit);

const fieldCount = (entry: object) => {
  let count = 0;
  for (const _ in entry) count += 1;
  return count;
};

interface WireUser {
  user_id?: unknown;
  phone?: unknown;
  token?: unknown;
  expired_time?: unknown;
}

/**
 * The expired users of a list in which every entry is already what expiredUserSchema would make of it
 * (string fields within their limits, absent ones absent or null), read in one plain pass; undefined as soon
 * as one entry is not, and the schema reads the list instead, with its coercions, cuts and messages. The
 * schema costs about three times JSON.parse on a 100,000-user list; this pass a fraction of it.
 */
export const readCanonicalExpiredUsers = (list: readonly unknown[]): ExpiredUser[] | undefined => {
  const users: ExpiredUser[] = new Array(list.length);
  for (let index = 0; index < list.length; index++) {
    const entry = list[index];
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined;
    const { user_id, phone, token, expired_time } = entry as WireUser;
    if (
      !isShortString(user_id, EXPIRED_USER_LIMITS.user_id) ||
      !isShortOrAbsent(phone, EXPIRED_USER_LIMITS.phone) ||
      !isShortOrAbsent(token, EXPIRED_USER_LIMITS.token) ||
      !isShortOrAbsent(expired_time, EXPIRED_USER_LIMITS.expired_time)
    ) {
      return undefined;
    }
    // An entry with exactly these four fields, all present (the worker's own stored list), is used as it is.
    const complete = typeof phone === 'string' && typeof token === 'string' && typeof expired_time === 'string';
    users[index] =
      complete && fieldCount(entry) === 4
        ? (entry as ExpiredUser)
        : { user_id, phone: phone ?? '', token: token ?? '', expired_time: expired_time ?? '' };
  }
  return users;
};
