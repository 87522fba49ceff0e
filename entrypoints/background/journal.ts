import {
  type AlertBurst,
  type AlertPlan,
  type JournalEntry,
  journalSchema,
  recordAlert,
  recordSpeech,
} from '../../utils/alerts';
import { alertJournalItem } from '../../utils/storage-items';

/**
 * The alert history, held in memory and written whole: the worker is its only writer, so no write reads
 * first and none can lose another's change.
 */
export const createJournal = (log: (line: string) => void) => {
  let entries: JournalEntry[] = [];
  let writing: Promise<unknown> = Promise.resolve();

  return {
    async load() {
      const parsed = journalSchema.safeParse(await alertJournalItem.getValue());
      if (!parsed.success)
        log(`[alert] stored history is invalid (${parsed.error.issues[0]?.message}); starting afresh`);
      entries = parsed.success ? parsed.data : [];
    },
    entries: () => entries,
    /** Kept in memory; stored with the delivery mark that follows. */
    record(burst: AlertBurst, plan: AlertPlan) {
      entries = recordAlert(entries, burst, plan);
    },
    speech(id: string, change: Pick<JournalEntry, 'speech' | 'voice' | 'speechError'>) {
      entries = recordSpeech(entries, id, change);
      writing = writing
        .then(() => alertJournalItem.setValue(entries))
        .catch((error) => log(`[alert] history not written: ${String(error)}`));
    },
    clear() {
      entries = [];
    },
  };
};

export type Journal = ReturnType<typeof createJournal>;
