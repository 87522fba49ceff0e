import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newestUsersOf, sortExpired, withAddedUsers } from '../../../utils/expired';
import type { ExpiredUser } from '../../../utils/protocol';
import { fcParameters, propertyTimeout } from '../../fixtures/arbitraries';
import { user } from '../../fixtures/messages';

/** A user expired at second `second` of the day (distinct seconds: no two users tie). */
const at = (id: number, second: number) =>
  user(
    id,
    `2026-12-02T${String(Math.floor(second / 3600)).padStart(2, '0')}:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}.000000`,
  );

/** A list as the reducer keeps it: one entry per user, a later entry replacing an earlier one. */
const listAfter = (list: ExpiredUser[], added: ExpiredUser[]) => {
  const byId = new Map(list.map((entry) => [entry.user_id, entry]));
  for (const entry of added) byId.set(entry.user_id, entry);
  return [...byId.values()];
};

const ids = (users: readonly ExpiredUser[]) => users.map((entry) => entry.user_id);

describe('the newest users kept ready', () => {
  it('are the list’s first users, newest first', () => {
    const list = [at(1, 10), at(2, 30), at(3, 20)];
    expect(newestUsersOf(list, list.length, 2)).toEqual({ users: [at(2, 30), at(3, 20)], complete: false });
    expect(newestUsersOf(list, list.length, 5).complete).toBe(true);
  });

  it('take in what a token_expired adds, replacing the same user, without reading the list again', () => {
    const kept = newestUsersOf([at(1, 10), at(2, 30), at(3, 20)], 3, 2);
    const listed = (userId: string) => ['1', '2', '3'].includes(userId);
    expect(ids(withAddedUsers(kept, [at(4, 40), at(3, 50)], listed, 2)?.users ?? [])).toEqual(['3', '4']);
    expect(ids(withAddedUsers(kept, [at(5, 60), at(4, 40)], listed, 2)?.users ?? [])).toEqual(['5', '4']);
  });

  it('leave out an added user older than the last one kept, whose place they cannot know', () => {
    // User 2 comes back with an older expiry: users 1 and 3, not kept, may be newer than it.
    const kept = newestUsersOf([at(1, 10), at(2, 30), at(3, 20)], 3, 2);
    const listed = () => true;
    expect(withAddedUsers(kept, [at(2, 5)], listed, 2)).toEqual({ users: [at(3, 20)], complete: false });
    // Fewer than half the users kept are left: better read the list again.
    expect(withAddedUsers(kept, [at(2, 5), at(3, 4)], listed, 2)).toBeNull();
  });

  it(
    'stay exactly the first users of the list, whatever is added, in whatever order',
    () => {
      // Few users, many entries: most entries replace one of them, often one among the newest kept.
      const entries = fc.uniqueArray(
        fc.record({ id: fc.integer({ min: 0, max: 9 }), second: fc.integer({ min: 0, max: 86_399 }) }),
        { minLength: 1, maxLength: 60, selector: (entry) => entry.second },
      );
      fc.assert(
        fc.property(
          entries,
          fc.integer({ min: 1, max: 6 }),
          fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 10 }),
          (seconds, limit, cuts) => {
            // A starting list, then a series of token_expired batches.
            const users = seconds.map(({ id, second }) => at(id, second));
            const [first = users.length, ...batches] = cuts;
            let list = listAfter([], users.slice(0, first));
            let newest = newestUsersOf(list, list.length, limit);
            let from = first;
            for (const cut of batches) {
              const added = users.slice(from, from + cut);
              from += cut;
              const before = new Set(ids(list));
              list = listAfter(list, added);
              // Too few left: the worker reads the list again.
              newest =
                withAddedUsers(newest, added, (userId) => before.has(userId), limit) ??
                newestUsersOf(list, list.length, limit);
              const truth = sortExpired(list, 'newest');
              expect(newest.users).toEqual(truth.slice(0, newest.users.length));
              if (newest.complete) expect(newest.users).toHaveLength(truth.length);
            }
          },
        ),
        fcParameters,
      );
    },
    propertyTimeout,
  );
});
