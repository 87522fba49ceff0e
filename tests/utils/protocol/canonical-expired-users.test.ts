import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCanonicalExpiredUsers } from '../../../utils/protocol/canonical-expired-users';
import { expiredUserSchema } from '../../../utils/protocol/expired-user';
import { expiredUser, fcParameters } from '../../fixtures/arbitraries';

/** Around each field's limit, of the wrong type, null or absent: what a server might send. */
const fieldValue = (limit: number) =>
  fc.oneof(
    fc.string({ maxLength: 4 }),
    fc.string({ minLength: limit - 1, maxLength: limit + 1 }),
    fc.integer(),
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
  );

const wireEntry = fc.oneof(
  fc.record(
    {
      user_id: fieldValue(128),
      phone: fieldValue(64),
      token: fieldValue(512),
      expired_time: fieldValue(64),
      extra: fc.string(),
    },
    { requiredKeys: [] },
  ),
  fc.constant(null),
  fc.string(),
  fc.array(fc.string(), { maxLength: 2 }),
);

describe('reading an already canonical expired-users list', () => {
  it('reads a list exactly as the schema does, or leaves it to the schema', () => {
    fc.assert(
      fc.property(fc.array(wireEntry, { maxLength: 6 }), (list) => {
        const fast = readCanonicalExpiredUsers(list);
        if (fast === undefined) return;
        expect(fast).toEqual(list.map((entry) => expiredUserSchema.parse(entry)));
      }),
      fcParameters,
    );
  });

  it('reads every list of well-formed users itself', () => {
    fc.assert(
      fc.property(fc.array(expiredUser, { maxLength: 20 }), (users) => {
        expect(readCanonicalExpiredUsers(users)).toEqual(users);
      }),
      fcParameters,
    );
  });

  it('leaves numeric ids, over-long values and non-objects to the schema', () => {
    const user = { user_id: '1', phone: '138', token: 't', expired_time: '2025-01-01T00:00:00' };
    expect(readCanonicalExpiredUsers([user, { ...user, user_id: 7 }])).toBeUndefined();
    expect(readCanonicalExpiredUsers([{ ...user, token: 'x'.repeat(513) }])).toBeUndefined();
    expect(readCanonicalExpiredUsers([user, 'user'])).toBeUndefined();
    expect(readCanonicalExpiredUsers([{ ...user, phone: null }])).toEqual([{ ...user, phone: '' }]);
  });
});
