import { alertJournalItem } from '../platform/storage-items';
import { type JournalEntry, journalSchema } from '../utils/alerts/alert-journal';
import { useStoredValue } from './use-stored-value';

/** Whatever is stored, a page gets a valid history: a corrupt one reads as empty. */
const readHistory = (stored: unknown): JournalEntry[] => {
  const parsed = journalSchema.safeParse(stored);
  return parsed.success ? parsed.data : [];
};

const loadHistory = async () => readHistory(await alertJournalItem.getValue());
const watchHistory = (onChange: (history: JournalEntry[]) => void) =>
  alertJournalItem.watch((stored) => onChange(readHistory(stored)));

/** The alert history the worker keeps, newest first, followed live; null until first read. */
export const useAlertHistory = (): JournalEntry[] | null => useStoredValue(loadHistory, watchHistory);
