import { checked, z } from '../zod';
import { alertBatchSchema } from './alert-batch';
import { type AlertBurst, alertBurstSchema } from './alert-burst';
import type { AlertPlan } from './alert-policy';

/** A week of a busy day's alerts or more; the history is what an operator reads after time away. */
export const JOURNAL_LIMIT = 1000;
/** Named users kept across the whole history: past this, the oldest entries keep their count, not their names. */
export const JOURNAL_NAMED_USERS_LIMIT = 20_000;

export const speechOutcomeSchema = z.enum(['off', 'requested', 'start', 'end', 'interrupted', 'error']);

/** One alert as it went out: whom it named, whether it showed, how the speech went. */
export const journalEntrySchema = z.object({
  /** The alert's notification id. */
  id: z.string(),
  at: z.number(),
  kind: alertBatchSchema.shape.kind,
  count: z.number(),
  notified: z.boolean(),
  silent: z.boolean(),
  speech: speechOutcomeSchema,
  /** The voice that spoke, with its language tag, when one was chosen. */
  voice: z.optional(z.string()),
  /** What the speech engine said when it failed. */
  speechError: z.optional(z.string()),
  /** The (user_id, expired_time) pairs the alert named, up to the burst's limit. */
  users: z._default(alertBurstSchema.shape.users, []),
  /** Users the alert's utterances told of, counted as speech took each over: above `count` means said twice. */
  spoken: z._default(checked(z.number(), z.int(), z.nonnegative()), 0),
});

export const journalSchema = checked(z.array(journalEntrySchema), z.maxLength(JOURNAL_LIMIT));

export type JournalEntry = z.infer<typeof journalEntrySchema>;
export type SpeechOutcome = z.infer<typeof speechOutcomeSchema>;

/**
 * The alert's entry, added or brought up to date: newest first, bounded, so the journal stays small however
 * long the browser runs. A speech outcome already heard is kept when follow-ups grow the alert.
 */
export const recordAlert = (journal: readonly JournalEntry[], burst: AlertBurst, plan: AlertPlan): JournalEntry[] => {
  const previous = journal.find((entry) => entry.id === burst.id);
  const entry: JournalEntry = {
    ...previous,
    id: burst.id,
    at: burst.openedAt,
    kind: burst.batch.kind,
    count: burst.batch.count,
    notified: plan.notify || (previous?.notified ?? false),
    silent: plan.silent,
    speech: previous && previous.speech !== 'off' ? previous.speech : plan.speak ? 'requested' : 'off',
    users: burst.users,
    spoken: previous?.spoken ?? 0,
  };
  return withinNamedBudget([entry, ...journal.filter((other) => other.id !== burst.id)].slice(0, JOURNAL_LIMIT));
};

const withinNamedBudget = (journal: JournalEntry[]) => {
  let named = 0;
  return journal.map((entry) => {
    named += entry.users.length;
    return named > JOURNAL_NAMED_USERS_LIMIT ? { ...entry, users: [] } : entry;
  });
};

export const recordSpokenUsers = (journal: readonly JournalEntry[], id: string, count: number): JournalEntry[] =>
  journal.map((entry) => (entry.id === id ? { ...entry, spoken: entry.spoken + count } : entry));

export const recordSpeech = (
  journal: readonly JournalEntry[],
  id: string,
  change: Pick<JournalEntry, 'speech' | 'voice' | 'speechError'>,
): JournalEntry[] => journal.map((entry) => (entry.id === id ? { ...entry, ...change } : entry));
