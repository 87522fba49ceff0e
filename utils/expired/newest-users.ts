import type { ExpiredUser } from '../protocol';
import { compareBy, firstSorted, sortExpired } from './expired-query';

/** How many of the newest users are kept ready: the popup's and a fresh dashboard's first pages. */
export const NEWEST_KEPT = 1000;

/**
 * The newest users of a list, newest first: exactly the list's first users in that order (as far as users
 * with the same expiry can be told apart). `complete`: they are the whole list.
 */
export interface NewestUsers {
  users: readonly ExpiredUser[];
  complete: boolean;
}

/** The newest users of a whole list, in one pass over it. */
export const newestUsersOf = (list: Iterable<ExpiredUser>, size: number, limit = NEWEST_KEPT): NewestUsers => {
  const { first } = firstSorted(list, 'newest', limit);
  return { users: first, complete: first.length === size };
};

/** Two lists already newest first, as one, cut at `limit`: on a tie the kept user comes first. */
const mergeNewest = (kept: readonly ExpiredUser[], joining: readonly ExpiredUser[], limit: number) => {
  const newestKept = kept[0];
  const oldestJoining = joining.at(-1);
  // The usual token_expired: users newer than any kept, in front of them; no comparison per kept user.
  if (!newestKept || !oldestJoining || compareBy.newest(oldestJoining, newestKept) < 0) {
    return joining.slice(0, limit).concat(kept.slice(0, Math.max(0, limit - joining.length)));
  }
  const merged: ExpiredUser[] = [];
  let k = 0;
  let j = 0;
  while (merged.length < limit && (k < kept.length || j < joining.length)) {
    const keptNext = kept[k];
    const joiningNext = joining[j];
    const takeKept = keptNext && (!joiningNext || compareBy.newest(keptNext, joiningNext) <= 0);
    merged.push((takeKept ? kept[k++] : joining[j++]) as ExpiredUser);
  }
  return merged;
};

/**
 * The newest users once `added` joined the list, each replacing any entry of the same user, without reading
 * the list again: a `token_expired` costs its own users, not the list's size. `wasListed` says whether a user
 * was in the list before; only those can be among the kept ones, so a batch of users new to the list is
 * placed without looking through the kept users. An added user older than the last one kept may have older
 * users of the list before it, unknown here: it is left out, and so is any user after it, so what is kept
 * stays exactly the list's first users. A replaced user shortens them; null once fewer than half are left,
 * when the list is better read again.
 */
export const withAddedUsers = (
  newest: NewestUsers,
  added: readonly ExpiredUser[],
  wasListed: (userId: string) => boolean,
  limit = NEWEST_KEPT,
): NewestUsers | null => {
  // A user listed twice in one message is in the list once, as its last entry.
  const last = new Map(added.map((user) => [user.user_id, user]));
  const replaced = [...last.keys()].some(wasListed);
  const kept = replaced ? newest.users.filter((user) => !last.has(user.user_id)) : newest.users;
  const floor = newest.users.at(-1)?.expired_time;
  const placeable = (user: ExpiredUser) => newest.complete || (floor !== undefined && user.expired_time >= floor);
  const joining = sortExpired([...last.values()].filter(placeable), 'newest');
  const first = mergeNewest(kept, joining, limit);
  const complete = newest.complete && first.length === kept.length + joining.length;
  return complete || first.length >= limit / 2 ? { users: first, complete } : null;
};
