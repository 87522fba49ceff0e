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
 * first and none can lose another's change. A change rides with the next state write (see `carriedBy`).
 */
export const createJournal = (log: (line: string) => void) => {
  let entries: JournalEntry[] = [];
  let writing: Promise<unknown> = Promise.resolve();
  /** Changes made, and how many of them storage holds: equal when nothing is left to store. */
  let changes = 0;
  let stored = 0;

  const storing = async (write: () => Promise<unknown>) => {
    const version = changes;
    await write();
    stored = Math.max(stored, version);
  };

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
      changes += 1;
    },
    /** Kept in memory; stored with the write that marks the burst spoken. */
    spoken(id: string, count: number) {
      entries = recordSpokenUsers(entries, id, count);
      changes += 1;
    },
    speech(id: string, change: Pick<JournalEntry, 'speech' | 'voice' | 'speechError'>) {
      entries = recordSpeech(entries, id, change);
      changes += 1;
      this.save();
    },
    /** Stores the history on its own, one write at a time, after whatever was asked before. */
    save() {
      writing = writing
        .then(() => storing(() => this.fitting((fitted) => alertJournalItem.setValue(fitted))))
        .catch((error) => log(`[alert] history not written: ${String(error)}`));
    },
    /**
     * Runs a state write, handing it the history when storage lacks some of it (undefined otherwise). Every
     * write that stores the outbox goes through here, so the alert it replaces is always in the stored
     * history by then: a separate history write still waiting when the worker stops loses nothing.
     */
    async carriedBy(write: (history: JournalEntry[] | undefined) => Promise<unknown>) {
      if (changes === stored) return write(undefined);
      await storing(() => this.fitting(write));
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
      changes += 1;
    },
  };
};

export type Journal = ReturnType<typeof createJournal>;
