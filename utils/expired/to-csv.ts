import { csvDocument } from '../format/csv';
import type { ExpiredUser } from '../protocol';

/** The expired list as CSV, tokens only when asked. */
export const toCsv = (users: Iterable<ExpiredUser>, { includeTokens }: { includeTokens: boolean }) => {
  const header = includeTokens ? ['phone', 'user_id', 'expired_time', 'token'] : ['phone', 'user_id', 'expired_time'];
  const rows = function* () {
    yield header;
    for (const user of users)
      yield [user.phone, user.user_id, user.expired_time, ...(includeTokens ? [user.token] : [])];
  };
  return csvDocument(rows());
};
