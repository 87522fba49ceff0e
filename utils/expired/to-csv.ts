import { csvDocument } from '../format/csv';
import type { ExpiredUser } from '../protocol';

/** The expired list of each server, as the export names them, in the order given. */
export interface CsvServer {
  label: string;
  users: Iterable<ExpiredUser>;
}

/** The expired list as CSV, server by server, tokens only when asked. */
export const toCsv = (servers: readonly CsvServer[], { includeTokens }: { includeTokens: boolean }) => {
  const header = ['server', 'phone', 'user_id', 'expired_time', ...(includeTokens ? ['token'] : [])];
  const rows = function* () {
    yield header;
    for (const { label, users } of servers)
      for (const user of users)
        yield [label, user.phone, user.user_id, user.expired_time, ...(includeTokens ? [user.token] : [])];
  };
  return csvDocument(rows());
};
