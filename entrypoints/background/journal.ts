import { alertJournalItem } from '../../platform/storage-items';
import {
  type AlertBurst,
  type AlertPlan,
  type JournalEntry,
  journalSchema,
  recordAlert,
  recordSpeech,
  recordSpokenUsers,
} from '../../utils/alerts';

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
    /** Kept in memory; stored right after the delivery mark that follows. */
    record(burst: AlertBurst, plan: AlertPlan) {
      entries = recordAlert(entries, burst, plan);
    },
    /** Kept in memory; stored right after the write that marks the burst spoken. */
    spoken(id: string, count: number) {
      entries = recordSpokenUsers(entries, id, count);
    },
    speech(id: string, change: Pick<JournalEntry, 'speech' | 'voice' | 'speechError'>) {
      entries = recordSpeech(entries, id, change);
      this.save();
    },
    /** Stores the history, one write at a time, after whatever was asked before (the delivery mark). */
    save() {
      writing = writing
        .then(() => this.fitting((fitted) => alertJournalItem.setValue(fitted)))
        .catch((error) => log(`[alert] history not written: ${String(error)}`));
    },
    /**
     * Runs a write that carries the history; when storage refuses it (full), the older half of the history
     * is let go and the write tried once more, so alerts keep being marked delivered.
     */
    async fitting(write: (entries: JournalEntry[]) => Promise<unknown>) {
      const attempted = entries;
      try {
        return await write(attempted);
      } catch (error) {
        // Halve what was refused, not what another failed write may have halved already.
        const kept = Math.floor(attempted.length / 2);
        log(`[alert] history not written (${String(error)}); keeping the newest ${kept} alerts and trying again`);
        entries = entries.slice(0, Math.min(entries.length, kept));
        return write(entries);
      }
    },
    clear() {
      entries = [];
    },
  };
};

export type Journal = ReturnType<typeof createJournal>;
