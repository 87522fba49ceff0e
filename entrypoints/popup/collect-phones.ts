import type { FetchExpiredPage } from '../../hooks/use-expired-rows';
import type { ExpiredQuery } from '../../utils/expired/expired-query';

/** The worker's largest page (expiredQuerySchema): 100 requests for 100,000 users. */
const PAGE_SIZE = 1000;
const ATTEMPTS = 3;

/**
 * Every phone of the list as it stands (its search, and the server picked), page by page. If the list
 * changes between two pages the offsets no longer line up (rows would be skipped or repeated), so the walk
 * starts over; after a few tries the last walk is taken as it is: a list that changes every second is never
 * still.
 */
export const collectPhones = async (fetchPage: FetchExpiredPage, query: Omit<ExpiredQuery, 'offset' | 'limit'>) => {
  let phones: string[] = [];
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    phones = [];
    let version: number | undefined;
    let moved = false;
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await fetchPage({ ...query, offset, limit: PAGE_SIZE });
      if (version !== undefined && page.version !== version) {
        moved = true;
        if (attempt < ATTEMPTS) break;
      }
      version = page.version;
      for (const row of page.rows) if (row.phone !== '') phones.push(row.phone);
      if (page.rows.length < PAGE_SIZE || offset + PAGE_SIZE >= page.matched) break;
    }
    if (!moved) break;
  }
  return phones;
};
