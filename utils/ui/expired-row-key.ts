import type { ExpiredRow } from '../expired/expired-query';

/**
 * A row's identity: the same user_id can be listed once by each server, so the server is part of it. The
 * NUL between them is in no server id the options make (letters and digits).
 */
export const expiredRowKey = (row: Pick<ExpiredRow, 'server' | 'user_id'>): string =>
  `${row.server}\u0000${row.user_id}`;
