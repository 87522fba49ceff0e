import { z } from '../zod';
import { alertBatchSchema } from './alert-batch';

export const JOURNAL_LIMIT = 100;

export const speechOutcomeSchema = z.enum(['off', 'requested', 'start', 'end', 'interrupted', 'error']);

/** One alert as it went out: what it said, whether it showed, how the speech went. */
export const journalEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  kind: alertBatchSchema.shape.kind,
  count: z.number(),
  notified: z.boolean(),
  silent: z.boolean(),
  speech: speechOutcomeSchema,
  /** The voice that spoke, with its language tag, when one was chosen. */
  voice: z.string().optional(),
  /** What the speech engine said when it failed. */
  speechError: z.string().optional(),
});

export type JournalEntry = z.infer<typeof journalEntrySchema>;
export type SpeechOutcome = z.infer<typeof speechOutcomeSchema>;

/** The newest entries first, bounded, so the journal stays small however long the browser runs. */
export const addJournalEntry = (journal: readonly JournalEntry[], entry: JournalEntry): JournalEntry[] =>
  [entry, ...journal].slice(0, JOURNAL_LIMIT);

export const updateJournalEntry = (
  journal: readonly JournalEntry[],
  id: string,
  change: Partial<JournalEntry>,
): JournalEntry[] => journal.map((entry) => (entry.id === id ? { ...entry, ...change } : entry));
