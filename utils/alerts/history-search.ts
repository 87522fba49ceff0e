import type { JournalEntry } from './alert-journal';

/** The alerts that named a user whose id or phone contains the text; every alert for an empty search. */
export const searchHistory = (history: readonly JournalEntry[], search: string): JournalEntry[] => {
  const needle = search.trim().toLowerCase();
  if (!needle) return [...history];
  return history.filter((entry) =>
    entry.users.some((user) => user.user_id.toLowerCase().includes(needle) || user.phone.includes(needle)),
  );
};
